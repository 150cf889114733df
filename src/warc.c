/*
 * warc: a streaming reader of WARC 1.0/1.1 files (ISO 28500), plain or
 * gzipped with one member per record (Common Crawl, CC-NEWS).
 *
 * The file is read through one fixed input window; gzip members are
 * inflated one after another, and the reader knows the compressed offset
 * of the member each record starts in, which is what an error reports. A
 * corrupt record is skipped: in a plain file up to the next line starting
 * "WARC/1.", in a gzip file up to the next member. Records larger than
 * MAX_RECORD are skipped too (reported), so memory stays bounded.
 */
#include <ctype.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <zlib.h>

#include "error.h"
#include "precis.h"
#include "vec.h"

#define IN_CHUNK 65536
#define MAX_RECORD ((size_t)64 << 20)
#define MAX_HEADER 65536
/*
 * How far past a broken record the reader looks for the next one: far
 * enough for any record it would keep (MAX_RECORD) several times over,
 * bounded so that an input that is no WARC at all (/dev/zero, a disk
 * image) stops instead of being scanned for ever.
 */
#define MAX_RESYNC ((size_t)256 << 20)

struct precis_warc_reader {
	FILE *fp;
	int gz;              /* 1: gzip members, 0: plain, -1: not known yet */
	z_stream zs;
	int zs_ready;
	unsigned char in[IN_CHUNK];
	size_t in_pos, in_len; /* window on the file */
	size_t in_base;        /* file offset of in[0] */
	int eof;
	/* Decoded bytes not consumed yet. */
	unsigned char *dec;
	size_t dec_pos, dec_len, dec_cap;
	size_t dec_offset;     /* plain files: file offset of dec[dec_pos] */
	size_t member_start;   /* gzip: file offset of the current member */
	int member_done;       /* gzip: current member ended */
	char *head;            /* the record's header block, NUL-terminated */
	size_t head_cap;
	unsigned char *body;
	size_t body_cap, body_len;
	unsigned char *payload; /* dechunked / inflated HTTP payload */
	size_t payload_cap;
	char *ctype;
	size_t ctype_cap;
	precis_warc_record rec;
	int stopped;           /* no record within MAX_RESYNC: the reader is at its end */
};

/* ------------------------------------------------------------- raw input */

static int fill_in(precis_warc_reader *r)
{
	if (r->in_pos < r->in_len || r->eof)
		return 0;
	r->in_base += r->in_len;
	r->in_pos = 0;
	r->in_len = fread(r->in, 1, IN_CHUNK, r->fp);
	if (r->in_len == 0) {
		if (ferror(r->fp))
			return PRECIS_EIO;
		r->eof = 1;
	}
	return 0;
}

static int dec_room(precis_warc_reader *r, size_t more)
{
	if (r->dec_pos > 0 && r->dec_pos == r->dec_len) {
		r->dec_offset += r->dec_pos;
		r->dec_pos = r->dec_len = 0;
	} else if (r->dec_pos > IN_CHUNK) {
		memmove(r->dec, r->dec + r->dec_pos, r->dec_len - r->dec_pos);
		r->dec_offset += r->dec_pos;
		r->dec_len -= r->dec_pos;
		r->dec_pos = 0;
	}
	return px_vec_reserve((void **)&r->dec, &r->dec_cap, r->dec_len + more, 1);
}

/* Inflate from the window into dec; handles member ends. 1: data added, 0: none. */
static int pump_gz(precis_warc_reader *r)
{
	int rc = fill_in(r);
	if (rc)
		return rc;
	if (r->in_pos == r->in_len)
		return 0;
	if (r->member_done) {
		if (inflateReset(&r->zs) != Z_OK)
			return PRECIS_ENOMEM;
		r->member_done = 0;
		r->member_start = r->in_base + r->in_pos;
	}
	if ((rc = dec_room(r, IN_CHUNK)) != 0)
		return rc;
	r->zs.next_in = r->in + r->in_pos;
	r->zs.avail_in = (uInt)(r->in_len - r->in_pos);
	r->zs.next_out = r->dec + r->dec_len;
	r->zs.avail_out = IN_CHUNK;
	int z = inflate(&r->zs, Z_NO_FLUSH);
	size_t used = (r->in_len - r->in_pos) - r->zs.avail_in;
	r->in_pos += used;
	r->dec_len += IN_CHUNK - r->zs.avail_out;
	if (z == Z_STREAM_END) {
		r->member_done = 1;
		return 1;
	}
	if (z == Z_OK || z == Z_BUF_ERROR)
		return 1;
	return PRECIS_EFORMAT;
}

/* More decoded bytes: 1 added, 0 end of file, <0 error. */
static int pump(precis_warc_reader *r)
{
	if (r->gz < 0) {
		int rc = fill_in(r);
		if (rc)
			return rc;
		r->gz = r->in_len >= 2 && r->in[0] == 0x1f && r->in[1] == 0x8b;
		if (r->gz) {
			if (inflateInit2(&r->zs, 16 + MAX_WBITS) != Z_OK)
				return PRECIS_ENOMEM;
			r->zs_ready = 1;
		}
	}
	if (!r->gz) {
		int rc = fill_in(r);
		if (rc)
			return rc;
		if (r->in_pos == r->in_len)
			return 0;
		if ((rc = dec_room(r, r->in_len - r->in_pos)) != 0)
			return rc;
		memcpy(r->dec + r->dec_len, r->in + r->in_pos, r->in_len - r->in_pos);
		r->dec_len += r->in_len - r->in_pos;
		r->in_pos = r->in_len;
		return 1;
	}
	return pump_gz(r);
}

/* Skip raw input to the next gzip member header after a data error. */
static int resync_gz(precis_warc_reader *r)
{
	r->dec_pos = r->dec_len = 0;
	size_t from = r->in_base + r->in_pos;
	for (;;) {
		if (r->in_base + r->in_pos - from > MAX_RESYNC) {
			r->stopped = 1;
			return PRECIS_ETOOBIG;
		}
		int rc = fill_in(r);
		if (rc)
			return rc;
		if (r->in_pos == r->in_len)
			return 0;
		for (; r->in_pos + 2 < r->in_len; r->in_pos++)
			if (r->in[r->in_pos] == 0x1f && r->in[r->in_pos + 1] == 0x8b &&
			    r->in[r->in_pos + 2] == 0x08) {
				r->member_done = 1;
				return 0;
			}
		/* Keep the last two bytes: a header may straddle the window. */
		size_t keep = r->in_len - r->in_pos;
		memmove(r->in, r->in + r->in_pos, keep);
		r->in_base += r->in_pos;
		r->in_pos = 0;
		size_t got = fread(r->in + keep, 1, IN_CHUNK - keep, r->fp);
		r->in_len = keep + got;
		if (got == 0) {
			r->in_pos = r->in_len;
			r->eof = 1;
			return 0;
		}
	}
}

/* ------------------------------------------------------------- records */

int precis_warc_reader_new(precis_warc_reader **out, FILE *fp)
{
	*out = NULL;
	if (!fp)
		return PRECIS_EINVAL;
	precis_warc_reader *r = calloc(1, sizeof *r);
	if (!r)
		return PRECIS_ENOMEM;
	r->fp = fp;
	r->gz = -1;
	*out = r;
	return 0;
}

void precis_warc_reader_free(precis_warc_reader *r)
{
	if (!r)
		return;
	if (r->zs_ready)
		inflateEnd(&r->zs);
	free(r->dec);
	free(r->head);
	free(r->body);
	free(r->payload);
	free(r->ctype);
	free(r);
}

/* Offset of the record about to be read, as errors report it. */
static size_t here(const precis_warc_reader *r)
{
	return r->gz == 1 ? r->member_start : r->dec_offset + r->dec_pos;
}

/* Read up to and including the blank line ending the header block. */
static int read_head(precis_warc_reader *r, size_t *hlen)
{
	size_t scanned = r->dec_pos;
	for (;;) {
		for (; scanned + 3 < r->dec_len; scanned++) {
			if (memcmp(r->dec + scanned, "\r\n\r\n", 4) == 0) {
				*hlen = scanned + 4 - r->dec_pos;
				return 1;
			}
		}
		if (r->dec_len - r->dec_pos > MAX_HEADER)
			return PRECIS_EFORMAT;
		size_t rel = scanned - r->dec_pos;
		int rc = pump(r);
		scanned = r->dec_pos + rel;
		if (rc < 0)
			return rc;
		if (rc == 0)
			return r->dec_len > r->dec_pos ? PRECIS_EFORMAT : 0;
	}
}

static const char *header(const char *head, const char *name)
{
	size_t n = strlen(name);
	for (const char *l = head; l && *l; l = strchr(l, '\n'), l = l ? l + 1 : NULL) {
		if (strncasecmp(l, name, n) == 0 && l[n] == ':') {
			const char *v = l + n + 1;
			while (*v == ' ' || *v == '\t')
				v++;
			return v;
		}
	}
	return NULL;
}

/* Header lines end at \r\n: cut the block into NUL-terminated values. */
static void terminate_values(char *head)
{
	for (char *p = head; *p; p++)
		if (*p == '\r' || *p == '\n')
			*p = '\0';
}

static int read_body(precis_warc_reader *r, size_t len)
{
	while (r->dec_len - r->dec_pos < len + 4) {
		int rc = pump(r);
		if (rc < 0)
			return rc;
		if (rc == 0)
			break;
	}
	if (r->dec_len - r->dec_pos < len)
		return PRECIS_EFORMAT;
	if (px_vec_reserve((void **)&r->body, &r->body_cap, len + 1, 1) != 0)
		return PRECIS_ENOMEM;
	memcpy(r->body, r->dec + r->dec_pos, len);
	r->body[len] = '\0';
	r->body_len = len;
	r->dec_pos += len;
	/* The record ends with two CRLF; tolerate their absence at end of file. */
	size_t k = 0;
	while (k < 4 && r->dec_pos < r->dec_len && (r->dec[r->dec_pos] == '\r' ||
						     r->dec[r->dec_pos] == '\n')) {
		r->dec_pos++;
		k++;
	}
	return 0;
}

/* Skip a plain-file record's remains to the next "WARC/1." at a line start. */
static int resync_plain(precis_warc_reader *r)
{
	size_t from = r->dec_offset + r->dec_pos;
	for (;;) {
		if (r->dec_offset + r->dec_pos - from > MAX_RESYNC) {
			r->stopped = 1;
			return PRECIS_ETOOBIG;
		}
		for (size_t i = r->dec_pos + 1; i + 7 <= r->dec_len; i++)
			if (r->dec[i - 1] == '\n' && memcmp(r->dec + i, "WARC/1.", 7) == 0) {
				r->dec_pos = i;
				return 0;
			}
		if (r->dec_len - r->dec_pos > 7)
			r->dec_pos = r->dec_len - 7;
		int rc = pump(r);
		if (rc <= 0) {
			r->dec_pos = r->dec_len;
			return rc;
		}
	}
}

/* ------------------------------------------------------- HTTP payload */

static const char *ci_find(const char *s, const char *w)
{
	size_t n = strlen(w);
	for (; *s; s++)
		if (strncasecmp(s, w, n) == 0)
			return s;
	return NULL;
}

/* Undo chunked transfer coding into r->payload; a broken chunk ends the payload. */
static int dechunk(precis_warc_reader *r, const unsigned char *s, size_t n, size_t *out)
{
	size_t i = 0, o = 0;
	while (i < n) {
		char *end;
		unsigned long long sz = strtoull((const char *)s + i, &end, 16);
		size_t j = (size_t)((const unsigned char *)end - s);
		if (j == i || j > n)
			break;
		while (j < n && s[j] != '\n')
			j++;
		j++;
		if (sz == 0 || j > n || sz > n - j)
			break;
		if (px_vec_reserve((void **)&r->payload, &r->payload_cap, o + sz + 1, 1) != 0)
			return PRECIS_ENOMEM;
		memcpy(r->payload + o, s + j, sz);
		o += sz;
		i = j + sz;
		while (i < n && (s[i] == '\r' || s[i] == '\n'))
			i++;
	}
	*out = o;
	return 0;
}

/* Inflate a gzip or zlib Content-Encoding in place of the payload (capped at MAX_RECORD). */
static int decode_content(precis_warc_reader *r, const unsigned char *s, size_t n, size_t *out)
{
	z_stream z;
	memset(&z, 0, sizeof z);
	if (inflateInit2(&z, 32 + MAX_WBITS) != Z_OK)
		return PRECIS_ENOMEM;
	unsigned char *buf = NULL;
	size_t cap = 0, o = 0;
	int rc = 0;
	z.next_in = (unsigned char *)s;
	z.avail_in = (uInt)n;
	for (;;) {
		if (px_vec_reserve((void **)&buf, &cap, o + IN_CHUNK + 1, 1) != 0) {
			rc = PRECIS_ENOMEM;
			break;
		}
		z.next_out = buf + o;
		z.avail_out = IN_CHUNK;
		int zr = inflate(&z, Z_NO_FLUSH);
		o += IN_CHUNK - z.avail_out;
		if (zr != Z_OK || o > MAX_RECORD)
			break; /* end, or damage: keep what came out */
	}
	inflateEnd(&z);
	if (rc) {
		free(buf);
		return rc;
	}
	free(r->payload);
	r->payload = buf;
	r->payload_cap = cap;
	*out = o;
	return 0;
}

static int content_type(precis_warc_reader *r, const char *v)
{
	size_t n = strlen(v);
	if (px_vec_reserve((void **)&r->ctype, &r->ctype_cap, n + 1, 1) != 0)
		return PRECIS_ENOMEM;
	memcpy(r->ctype, v, n + 1);
	char *cs = (char *)ci_find(r->ctype, "charset=");
	char *semi = strchr(r->ctype, ';');
	if (cs) {
		cs += 8;
		if (*cs == '"' || *cs == '\'')
			cs++;
		size_t k = strcspn(cs, "\"'; ");
		cs[k] = '\0';
		r->rec.charset = cs;
	}
	if (semi)
		*semi = '\0';
	for (char *p = r->ctype; *p; p++)
		*p = (char)tolower((unsigned char)*p);
	r->rec.content_type = r->ctype;
	return 0;
}

/* A response record's HTTP status, headers and payload. */
static int http_response(precis_warc_reader *r)
{
	unsigned char *b = r->body;
	size_t n = r->body_len, i = 0;
	if (n < 12 || memcmp(b, "HTTP/", 5) != 0)
		return 0;
	const char *sp = memchr(b, ' ', n < 16 ? n : 16);
	r->rec.http_status = sp ? atoi(sp + 1) : 0;
	while (i + 1 < n && !(b[i] == '\n' && (b[i + 1] == '\n' ||
					      (b[i + 1] == '\r' && i + 2 < n && b[i + 2] == '\n'))))
		i++;
	if (i + 1 >= n)
		return 0;
	size_t hend = i + 1;
	size_t pstart = hend + (b[hend] == '\r' ? 2 : 1);
	b[hend] = '\0';
	const char *head = (const char *)b;
	const char *ct = NULL, *te = NULL, *ce = NULL;
	for (const char *l = strchr(head, '\n'); l; l = strchr(l, '\n')) {
		l++;
		if (!strncasecmp(l, "Content-Type:", 13))
			ct = l + 13;
		else if (!strncasecmp(l, "Transfer-Encoding:", 18))
			te = l + 18;
		else if (!strncasecmp(l, "Content-Encoding:", 17))
			ce = l + 17;
	}
	for (char *p = (char *)head; *p; p++)
		if (*p == '\r' || *p == '\n')
			*p = '\0';
	int chunked = te && ci_find(te, "chunked");
	int zipped = ce && (ci_find(ce, "gzip") || ci_find(ce, "deflate"));
	int rc;
	if (ct && (rc = content_type(r, ct + strspn(ct, " "))) != 0)
		return rc;
	const unsigned char *pl = b + pstart;
	size_t plen = n - pstart;
	if (chunked) {
		if ((rc = dechunk(r, pl, plen, &plen)) != 0)
			return rc;
		pl = r->payload ? r->payload : pl;
	}
	if (zipped) {
		if ((rc = decode_content(r, pl, plen, &plen)) != 0)
			return rc;
		pl = r->payload;
	}
	r->rec.body = (const char *)pl;
	r->rec.body_len = plen;
	const char *t = r->rec.content_type;
	int html_type = t ? strstr(t, "html") != NULL : precis_html_detect(r->rec.body, plen);
	r->rec.html = html_type && r->rec.http_status >= 200 && r->rec.http_status < 300;
	return 0;
}

static int fill_record(precis_warc_reader *r, size_t at)
{
	precis_warc_record *rec = &r->rec;
	memset(rec, 0, sizeof *rec);
	rec->offset = at;
	rec->type = header(r->head, "WARC-Type");
	rec->target_uri = header(r->head, "WARC-Target-URI");
	rec->date = header(r->head, "WARC-Date");
	rec->record_id = header(r->head, "WARC-Record-ID");
	terminate_values(r->head);
	if (!rec->type)
		rec->type = "";
	rec->body = (const char *)r->body;
	rec->body_len = r->body_len;
	if (strcmp(rec->type, "response") == 0)
		return http_response(r);
	return 0;
}

static int corrupt(precis_warc_reader *r, precis_error *err, size_t at, int code,
		   const char *what)
{
	px_error_set(err, code, at, "WARC record at byte offset %zu: %s", at, what);
	int rc = r->gz == 1 ? resync_gz(r) : resync_plain(r);
	if (rc == PRECIS_ETOOBIG)
		return px_error_set(err, PRECIS_EFORMAT, at, "WARC record at byte offset %zu: %s; "
				    "no record follows within %zu MiB: stopped reading", at, what,
				    MAX_RESYNC >> 20);
	return rc < 0 ? px_error_set(err, rc, at, "WARC file: read error at byte %zu", at) : code;
}

int precis_warc_reader_next(precis_warc_reader *r, const precis_warc_record **rec,
			    precis_error *err)
{
	size_t hlen = 0;
	*rec = NULL;
	if (r->stopped)
		return 0;
	/* Blank lines between records are tolerated (not without end). */
	size_t from = here(r);
	for (;;) {
		while (r->dec_pos < r->dec_len &&
		       (r->dec[r->dec_pos] == '\r' || r->dec[r->dec_pos] == '\n'))
			r->dec_pos++;
		if (r->dec_pos < r->dec_len)
			break;
		if (r->gz != 1 && here(r) - from > MAX_RESYNC) {
			r->stopped = 1;
			return px_error_set(err, PRECIS_EFORMAT, from, "WARC file: only blank lines "
					    "for %zu MiB after byte offset %zu: stopped reading",
					    MAX_RESYNC >> 20, from);
		}
		int rc = pump(r);
		if (rc == PRECIS_EFORMAT)
			return corrupt(r, err, here(r), rc, "gzip data is corrupt");
		if (rc < 0)
			return px_error_set(err, rc, here(r), "WARC file: read error");
		if (rc == 0)
			return 0;
	}
	size_t at = here(r);
	int rc = read_head(r, &hlen);
	if (rc == 0)
		return 0;
	if (rc < 0)
		return corrupt(r, err, at, PRECIS_EFORMAT, "truncated or oversized header");
	if (hlen < 8 || memcmp(r->dec + r->dec_pos, "WARC/1.", 7) != 0)
		return corrupt(r, err, at, PRECIS_EFORMAT, "does not start with WARC/1.0 or WARC/1.1");
	if (px_vec_reserve((void **)&r->head, &r->head_cap, hlen + 1, 1) != 0)
		return px_error_set(err, PRECIS_ENOMEM, at, "out of memory");
	memcpy(r->head, r->dec + r->dec_pos, hlen);
	r->head[hlen] = '\0';
	r->dec_pos += hlen;
	const char *cl = header(r->head, "Content-Length");
	char *end = NULL;
	unsigned long long len = cl ? strtoull(cl, &end, 10) : 0;
	if (!cl || end == cl || (*end != '\r' && *end != '\n' && *end != ' '))
		return corrupt(r, err, at, PRECIS_EFORMAT, "no valid Content-Length");
	if (len > MAX_RECORD)
		return corrupt(r, err, at, PRECIS_ETOOBIG, "record larger than 64 MB skipped");
	rc = read_body(r, (size_t)len);
	if (rc == PRECIS_ENOMEM)
		return px_error_set(err, rc, at, "out of memory");
	if (rc < 0)
		return corrupt(r, err, at, PRECIS_EFORMAT, "truncated: body shorter than Content-Length");
	rc = fill_record(r, at);
	if (rc < 0)
		return px_error_set(err, rc, at, "out of memory");
	*rec = &r->rec;
	return 1;
}
