/*
 * html_xml: libxml2, loaded when the first page is parsed.
 *
 * Debian builds libxml2 and the ICU libraries it pulls in with BIND_NOW, so
 * linking them into the binary made every process, HTML or not, resolve
 * about 2,400 symbols before main: 2.9M of the 7.3M instructions of a
 * one-file `precis summarize`, and about 50% more wall time per one-file
 * run than before HTML support came in. Start-up pays only for what a run
 * uses: the 16 libxml2 functions the html module calls are looked up here,
 * once per process (pthread_once), and the table is read-only afterwards.
 */
#include <dlfcn.h>
#include <pthread.h>
#include <stddef.h>
#include <string.h>

#include "html.h"

/* The soname Debian's libxml2 package (libxml2 2.9, ABI 2) installs. */
#define LIBXML2_SONAME "libxml2.so.2"

static const struct {
	const char *name;
	size_t offset;
} symbols[] = {
	{ "htmlNewParserCtxt", offsetof(px_xml_api, new_parser) },
	{ "htmlCtxtReadMemory", offsetof(px_xml_api, read_memory) },
	{ "htmlFreeParserCtxt", offsetof(px_xml_api, free_parser) },
	{ "xmlFindCharEncodingHandler", offsetof(px_xml_api, find_encoding) },
	{ "xmlCharEncCloseFunc", offsetof(px_xml_api, close_encoding) },
	{ "xmlCopyDoc", offsetof(px_xml_api, copy_doc) },
	{ "xmlDocGetRootElement", offsetof(px_xml_api, root_element) },
	{ "xmlFreeDoc", offsetof(px_xml_api, free_doc) },
	{ "xmlFreeNode", offsetof(px_xml_api, free_node) },
	{ "xmlUnlinkNode", offsetof(px_xml_api, unlink_node) },
	{ "xmlSetGenericErrorFunc", offsetof(px_xml_api, set_generic_error) },
	{ "xmlSetStructuredErrorFunc", offsetof(px_xml_api, set_structured_error) },
	{ "__xmlGenericError", offsetof(px_xml_api, generic_error) },
	{ "__xmlGenericErrorContext", offsetof(px_xml_api, generic_error_ctx) },
	{ "__xmlStructuredError", offsetof(px_xml_api, structured_error) },
	{ "__xmlStructuredErrorContext", offsetof(px_xml_api, structured_error_ctx) },
};

static px_xml_api api;     /* written once, by load(), under `once` */
static int api_loaded;     /* likewise */
static pthread_once_t once = PTHREAD_ONCE_INIT;

static void load(void)
{
	void *h = dlopen(LIBXML2_SONAME, RTLD_NOW | RTLD_LOCAL);
	if (!h)
		return;
	px_xml_api a;
	for (size_t i = 0; i < sizeof symbols / sizeof symbols[0]; i++) {
		void *f = dlsym(h, symbols[i].name);
		if (!f) {
			dlclose(h);
			return;
		}
		/* POSIX: a function's address survives the trip through void *. */
		memcpy((char *)&a + symbols[i].offset, &f, sizeof f);
	}
	api = a;
	api_loaded = 1; /* the library stays loaded for the life of the process */
}

const px_xml_api *px_xml(void)
{
	pthread_once(&once, load);
	return api_loaded ? &api : NULL;
}
