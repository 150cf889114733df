/*
 * html: the one module that talks to the HTML parser (libxml2's HTML
 * parser, the one lxml, readability-lxml and trafilatura stand on).
 *
 *   html.c          API, charset choice, parse, output text
 *   html_extract.c  main-content extraction (boilerplate out)
 *   html_meta.c     metadata with the source of each field
 */
#ifndef PX_HTML_H
#define PX_HTML_H

#include <stddef.h>

#include <libxml/HTMLparser.h>

#include "precis.h"

/*
 * The libxml2 functions the html module calls, loaded on first use
 * (html_xml.c): libxml2 and ICU cost every process their start-up
 * otherwise. NULL when libxml2 cannot be loaded; after one non-NULL
 * answer it never changes, so callers below a checked entry point may use
 * px_xml()-> directly.
 */
typedef struct px_xml_api {
	htmlParserCtxtPtr (*new_parser)(void);
	htmlDocPtr (*read_memory)(htmlParserCtxtPtr ctxt, const char *buffer, int size,
				  const char *url, const char *encoding, int options);
	void (*free_parser)(htmlParserCtxtPtr ctxt);
	xmlCharEncodingHandlerPtr (*find_encoding)(const char *name);
	int (*close_encoding)(xmlCharEncodingHandler *handler);
	xmlDocPtr (*copy_doc)(xmlDocPtr doc, int recursive);
	xmlNodePtr (*root_element)(const xmlDoc *doc);
	void (*free_doc)(xmlDocPtr doc);
	void (*free_node)(xmlNodePtr node);
	void (*unlink_node)(xmlNodePtr node);
	void (*set_generic_error)(void *ctx, xmlGenericErrorFunc handler);
	void (*set_structured_error)(void *ctx, xmlStructuredErrorFunc handler);
	xmlGenericErrorFunc *(*generic_error)(void);   /* this thread's handler */
	void **(*generic_error_ctx)(void);
	xmlStructuredErrorFunc *(*structured_error)(void);
	void **(*structured_error_ctx)(void);
} px_xml_api;

const px_xml_api *px_xml(void);

struct precis_page {
	char *text;
	size_t len;
	char *field[PRECIS_PAGE_FIELD_COUNT];
	const char *source[PRECIS_PAGE_FIELD_COUNT];
	char charset[32];
	char *ld_body; /* JSON-LD articleBody, a fallback for pages built by script */
	char *lead;    /* the description, when the page shows it as its lead */
};

/* A growable UTF-8 byte buffer. */
typedef struct px_buf {
	char *s;
	size_t n, cap;
} px_buf;

int px_buf_add(px_buf *b, const char *s, size_t n);

/* Lower-case ASCII name of an element node ("p", "div"), "" for others. */
const char *px_html_name(const xmlNode *n);
/* Attribute value (libxml2 owns it) or NULL. */
const char *px_html_attr(const xmlNode *n, const char *name);

/*
 * Main content of the document's body appended to out, one block per line,
 * whitespace collapsed. The tree is modified (boilerplate unlinked).
 */
int px_html_extract(px_buf *out, htmlDocPtr doc);

/* Metadata fields of the page into p->field / p->source (url: a known address). */
int px_html_meta(precis_page *p, htmlDocPtr doc, const char *url);

/* Collapsed text content of a subtree (for metadata), malloc'd, or NULL. */
char *px_html_text_of(const xmlNode *n);

#endif
