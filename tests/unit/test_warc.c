/* WARC reader: plain and per-record gzip files the test writes itself, corrupt and truncated ones. */
#include <zlib.h>

#include "testutil.h"

#define PAGE "<html><head><title>Page</title></head><body><p>Hello.</p></body></html>"

/* One WARC record (headers + block + CRLF CRLF) into buf; returns its length. */
static size_t record(char *buf, size_t cap, const char *type, const char *uri, const char *block)
{
	int n = snprintf(buf, cap,
			 "WARC/1.1\r\nWARC-Type: %s\r\nWARC-Record-ID: <urn:uuid:%s-1>\r\n"
			 "WARC-Date: 2024-05-01T10:00:00Z\r\n%s%s%sContent-Length: %zu\r\n\r\n%s\r\n\r\n",
			 type, type, uri ? "WARC-Target-URI: " : "", uri ? uri : "", uri ? "\r\n" : "",
			 strlen(block), block);
	assert_true(n > 0 && (size_t)n < cap);
	return (size_t)n;
}

static const char *http(const char *ctype, const char *extra, const char *body, char *buf,
			size_t cap)
{
	snprintf(buf, cap, "HTTP/1.1 200 OK\r\nContent-Type: %s\r\n%sServer: t\r\n\r\n%s", ctype,
		 extra, body);
	return buf;
}

/* The five test records: warcinfo, request, HTML response, chunked HTML, a PDF response. */
static size_t build(char **recs, size_t *lens)
{
	char b[2048];
	size_t n = 0;
	const char *blocks[5][3] = {
		{ "warcinfo", NULL, "software: test\r\n" },
		{ "request", "https://a.example/1", "GET /1 HTTP/1.1\r\nHost: a.example\r\n\r\n" },
		{ "response", "https://a.example/1", NULL },
		{ "response", "https://a.example/2", NULL },
		{ "response", "https://a.example/doc.pdf", NULL },
	};
	for (size_t i = 0; i < 5; i++) {
		const char *block = blocks[i][2];
		char h[1024];
		if (i == 2)
			block = http("text/html; charset=\"ISO-8859-1\"", "", PAGE, h, sizeof h);
		else if (i == 3)
			block = http("text/html", "Transfer-Encoding: chunked\r\n",
				     "6\r\n<html>\r\n5\r\n<p>Hi\r\n0\r\n\r\n", h, sizeof h);
		else if (i == 4)
			block = http("application/pdf", "", "%PDF-1.4 binary", h, sizeof h);
		lens[n] = record(b, sizeof b, blocks[i][0], blocks[i][1], block);
		recs[n] = malloc(lens[n]);
		assert_non_null(recs[n]);
		memcpy(recs[n], b, lens[n]);
		n++;
	}
	return n;
}

static void gz_member(FILE *fp, const char *data, size_t len)
{
	z_stream z;
	memset(&z, 0, sizeof z);
	assert_int_equal(deflateInit2(&z, 6, Z_DEFLATED, 16 + MAX_WBITS, 8, Z_DEFAULT_STRATEGY),
			 Z_OK);
	unsigned char out[8192];
	z.next_in = (unsigned char *)data;
	z.avail_in = (uInt)len;
	z.next_out = out;
	z.avail_out = sizeof out;
	assert_int_equal(deflate(&z, Z_FINISH), Z_STREAM_END);
	fwrite(out, 1, sizeof out - z.avail_out, fp);
	deflateEnd(&z);
}

/* Reads every record; returns the count of records and of errors, offsets in offs. */
static void read_all(FILE *fp, size_t *nrec, size_t *nerr, size_t *err_off,
		     const precis_warc_record **keep, char *html_uris, size_t cap)
{
	precis_warc_reader *r;
	assert_int_equal(precis_warc_reader_new(&r, fp), 0);
	*nrec = *nerr = 0;
	html_uris[0] = '\0';
	for (;;) {
		const precis_warc_record *rec;
		precis_error err;
		int rc = precis_warc_reader_next(r, &rec, &err);
		if (rc == 0)
			break;
		if (rc < 0) {
			assert_true(rc != PRECIS_EIO);
			err_off[(*nerr)++] = err.offset;
			assert_non_null(strstr(err.message, "offset"));
			continue;
		}
		(*nrec)++;
		if (rec->html) {
			strncat(html_uris, rec->target_uri, cap - strlen(html_uris) - 2);
			strcat(html_uris, " ");
		}
		if (rec->html && strcmp(rec->target_uri, "https://a.example/1") == 0) {
			assert_string_equal(rec->type, "response");
			assert_string_equal(rec->date, "2024-05-01T10:00:00Z");
			assert_int_equal(rec->http_status, 200);
			assert_string_equal(rec->content_type, "text/html");
			assert_string_equal(rec->charset, "ISO-8859-1");
			assert_int_equal(rec->body_len, strlen(PAGE));
			assert_memory_equal(rec->body, PAGE, rec->body_len);
		}
		if (rec->html && strcmp(rec->target_uri, "https://a.example/2") == 0) {
			assert_int_equal(rec->body_len, 11);
			assert_memory_equal(rec->body, "<html><p>Hi", 11);
		}
	}
	(void)keep;
	precis_warc_reader_free(r);
}

static void test_plain(void **state)
{
	(void)state;
	char *recs[5];
	size_t lens[5], n = build(recs, lens), nrec, nerr, offs[8];
	char uris[512];
	FILE *fp = tmpfile();
	assert_non_null(fp);
	for (size_t i = 0; i < n; i++)
		fwrite(recs[i], 1, lens[i], fp);
	rewind(fp);
	read_all(fp, &nrec, &nerr, offs, NULL, uris, sizeof uris);
	assert_int_equal(nrec, 5);
	assert_int_equal(nerr, 0);
	assert_string_equal(uris, "https://a.example/1 https://a.example/2 ");
	fclose(fp);

	/* A corrupt record in the middle (bad Content-Length), reported with its offset. */
	fp = tmpfile();
	size_t off = 0, bad_at = 0;
	for (size_t i = 0; i < n; i++) {
		if (i == 2) {
			bad_at = off;
			const char *bad = "WARC/1.1\r\nWARC-Type: response\r\nContent-Length: x\r\n\r\njunk\r\n\r\n";
			fwrite(bad, 1, strlen(bad), fp);
			off += strlen(bad);
		}
		fwrite(recs[i], 1, lens[i], fp);
		off += lens[i];
	}
	rewind(fp);
	read_all(fp, &nrec, &nerr, offs, NULL, uris, sizeof uris);
	assert_int_equal(nerr, 1);
	assert_int_equal(offs[0], bad_at);
	assert_int_equal(nrec, 5);
	fclose(fp);

	/* Truncated in the last record's body: an error, the others read. */
	fp = tmpfile();
	off = 0;
	for (size_t i = 0; i < n; i++) {
		fwrite(recs[i], 1, i == n - 1 ? lens[i] - 30 : lens[i], fp);
		off += i == n - 1 ? 0 : lens[i];
	}
	rewind(fp);
	read_all(fp, &nrec, &nerr, offs, NULL, uris, sizeof uris);
	assert_int_equal(nrec, 4);
	assert_int_equal(nerr, 1);
	assert_int_equal(offs[0], off);
	fclose(fp);

	/* Not a WARC file at all. */
	fp = tmpfile();
	fputs("hello world\r\n\r\nmore text\n", fp);
	rewind(fp);
	read_all(fp, &nrec, &nerr, offs, NULL, uris, sizeof uris);
	assert_int_equal(nrec, 0);
	assert_int_equal(nerr, 1);
	assert_int_equal(offs[0], 0);
	fclose(fp);
	for (size_t i = 0; i < n; i++)
		free(recs[i]);
}

static void test_gzip(void **state)
{
	(void)state;
	char *recs[5];
	size_t lens[5], n = build(recs, lens), nrec, nerr, offs[8];
	char uris[512];
	FILE *fp = tmpfile();
	for (size_t i = 0; i < n; i++)
		gz_member(fp, recs[i], lens[i]);
	rewind(fp);
	read_all(fp, &nrec, &nerr, offs, NULL, uris, sizeof uris);
	assert_int_equal(nrec, 5);
	assert_int_equal(nerr, 0);
	assert_string_equal(uris, "https://a.example/1 https://a.example/2 ");
	fclose(fp);

	/* Member 3 damaged: reported at its compressed offset, the next members read. */
	fp = tmpfile();
	long member_at[5];
	for (size_t i = 0; i < n; i++) {
		member_at[i] = ftell(fp);
		gz_member(fp, recs[i], lens[i]);
	}
	long end = ftell(fp);
	fseek(fp, member_at[2] + 20, SEEK_SET);
	for (int k = 0; k < 40; k++)
		fputc(0x55 ^ k, fp);
	fseek(fp, 0, SEEK_SET);
	(void)end;
	read_all(fp, &nrec, &nerr, offs, NULL, uris, sizeof uris);
	assert_int_equal(nerr, 1);
	assert_int_equal(offs[0], (size_t)member_at[2]);
	assert_int_equal(nrec, 4);
	assert_string_equal(uris, "https://a.example/2 ");
	fclose(fp);

	/* Truncated inside the last member. */
	fp = tmpfile();
	for (size_t i = 0; i < n; i++) {
		member_at[i] = ftell(fp);
		gz_member(fp, recs[i], lens[i]);
	}
	end = ftell(fp);
	char *all = malloc((size_t)end);
	rewind(fp);
	assert_int_equal(fread(all, 1, (size_t)end, fp), (size_t)end);
	fclose(fp);
	fp = tmpfile();
	fwrite(all, 1, (size_t)end - 15, fp);
	rewind(fp);
	read_all(fp, &nrec, &nerr, offs, NULL, uris, sizeof uris);
	assert_int_equal(nrec, 4);
	assert_int_equal(nerr, 1);
	assert_int_equal(offs[0], (size_t)member_at[4]);
	fclose(fp);
	free(all);
	for (size_t i = 0; i < n; i++)
		free(recs[i]);
	precis_warc_reader_free(NULL);
}

/* Many records through one reader: the reader's buffers do not grow with the file. */
static void test_stream(void **state)
{
	(void)state;
	char *recs[5];
	size_t lens[5], n = build(recs, lens), nrec, nerr, offs[8];
	char uris[512];
	FILE *fp = tmpfile();
	for (size_t k = 0; k < 2000; k++)
		gz_member(fp, recs[2], lens[2]);
	rewind(fp);
	precis_warc_reader *r;
	assert_int_equal(precis_warc_reader_new(&r, fp), 0);
	const precis_warc_record *rec;
	size_t count = 0;
	int rc;
	while ((rc = precis_warc_reader_next(r, &rec, NULL)) == 1) {
		assert_true(rec->html);
		count++;
	}
	assert_int_equal(rc, 0);
	assert_int_equal(count, 2000);
	precis_warc_reader_free(r);
	fclose(fp);
	(void)nrec, (void)nerr, (void)offs, (void)uris;
	for (size_t i = 0; i < n; i++)
		free(recs[i]);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_plain),
		cmocka_unit_test(test_gzip),
		cmocka_unit_test(test_stream),
	};
	return cmocka_run_group_tests_name("warc", tests, NULL, NULL);
}
