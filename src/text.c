/* text: UTF-8 validation and repair, code point classes, normalization. */
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "error.h"
#include "text.h"

int32_t px_utf8_decode(const char *s, size_t len, size_t *adv)
{
	unsigned char c = (unsigned char)s[0];
	if (c < 0x80) {
		*adv = 1;
		return c;
	}
	utf8proc_int32_t cp;
	utf8proc_ssize_t n = utf8proc_iterate((const utf8proc_uint8_t *)s,
					      (utf8proc_ssize_t)(len > 4 ? 4 : len), &cp);
	if (n < 1) {
		*adv = 1;
		return -1;
	}
	*adv = (size_t)n;
	return cp;
}

size_t px_utf8_encode(int32_t cp, char *buf)
{
	return (size_t)utf8proc_encode_char(cp, (utf8proc_uint8_t *)buf);
}

size_t px_utf8_length(const char *s, size_t len)
{
	size_t n = 0;
	for (size_t i = 0; i < len; i++)
		if (((unsigned char)s[i] & 0xC0) != 0x80)
			n++;
	return n;
}

int px_text_check(const char *s, size_t len, precis_error *err)
{
	if (len >= 2 && (((unsigned char)s[0] == 0xFF && (unsigned char)s[1] == 0xFE) ||
			 ((unsigned char)s[0] == 0xFE && (unsigned char)s[1] == 0xFF)))
		return px_error_set(err, PRECIS_EBINARY, 0,
				    "UTF-16 byte order mark: convert the file to UTF-8");
	size_t i = 0;
	while (i < len) {
		unsigned char c = (unsigned char)s[i];
		if (c == 0)
			return px_error_set(err, PRECIS_EBINARY, i,
					    "NUL byte at offset %zu: binary data, not text", i);
		if (c < 0x80) {
			i++;
			continue;
		}
		size_t adv;
		if (px_utf8_decode(s + i, len - i, &adv) < 0)
			return px_error_set(err, PRECIS_EUTF8, i,
					    "invalid UTF-8 at byte offset %zu (byte 0x%02X)", i, c);
		i += adv;
	}
	return 0;
}

int px_text_repair(char **out, size_t *outlen, const char *s, size_t len)
{
	/* Each bad byte becomes 3 bytes (U+FFFD) at worst. */
	if (len > (SIZE_MAX - 1) / 3)
		return PRECIS_ENOMEM;
	char *buf = malloc(len * 3 + 1);
	if (!buf)
		return PRECIS_ENOMEM;
	size_t o = 0, i = 0;
	while (i < len) {
		unsigned char c = (unsigned char)s[i];
		size_t adv = 1;
		int32_t cp = c < 0x80 ? c : px_utf8_decode(s + i, len - i, &adv);
		if (cp <= 0) {
			memcpy(buf + o, "\xEF\xBF\xBD", 3);
			o += 3;
			i += 1;
			continue;
		}
		memcpy(buf + o, s + i, adv);
		o += adv;
		i += adv;
	}
	buf[o] = '\0';
	*out = buf;
	*outlen = o;
	return 0;
}

bool px_cp_is_space(int32_t cp)
{
	if (cp < 0x80)
		return cp == ' ' || (cp >= '\t' && cp <= '\r');
	if (cp == 0x85 || cp == 0xFEFF || cp == 0x200B)
		return true;
	utf8proc_category_t c = utf8proc_category(cp);
	return c == UTF8PROC_CATEGORY_ZS || c == UTF8PROC_CATEGORY_ZL ||
	       c == UTF8PROC_CATEGORY_ZP;
}

bool px_cp_is_letter(int32_t cp)
{
	if (cp < 0x80)
		return (cp | 0x20) >= 'a' && (cp | 0x20) <= 'z';
	utf8proc_category_t c = utf8proc_category(cp);
	return (c >= UTF8PROC_CATEGORY_LU && c <= UTF8PROC_CATEGORY_LO) ||
	       (c >= UTF8PROC_CATEGORY_MN && c <= UTF8PROC_CATEGORY_ME);
}

bool px_cp_is_digit(int32_t cp)
{
	if (cp < 0x80)
		return cp >= '0' && cp <= '9';
	utf8proc_category_t c = utf8proc_category(cp);
	return c >= UTF8PROC_CATEGORY_ND && c <= UTF8PROC_CATEGORY_NO;
}

bool px_cp_is_upper(int32_t cp)
{
	if (cp < 0x80)
		return cp >= 'A' && cp <= 'Z';
	utf8proc_category_t c = utf8proc_category(cp);
	return c == UTF8PROC_CATEGORY_LU || c == UTF8PROC_CATEGORY_LT;
}

bool px_cp_is_punct(int32_t cp)
{
	utf8proc_category_t c = utf8proc_category(cp);
	return (c >= UTF8PROC_CATEGORY_PC && c <= UTF8PROC_CATEGORY_PO) ||
	       (c >= UTF8PROC_CATEGORY_SM && c <= UTF8PROC_CATEGORY_SO);
}

bool px_cp_is_apostrophe(int32_t cp)
{
	return cp == '\'' || cp == 0x2019 || cp == 0x02BC || cp == 0x2018;
}

bool px_cp_is_hyphen(int32_t cp)
{
	return cp == '-' || cp == 0x2010 || cp == 0x2011;
}

static bool is_ascii(const char *s, size_t len)
{
	for (size_t i = 0; i < len; i++)
		if ((unsigned char)s[i] >= 0x80)
			return false;
	return true;
}

/*
 * Fold text made only of ASCII and precomposed Latin-1 letters by hand:
 * such text is already NFC and its case folding is a fixed offset. Covers
 * most French, Spanish, German, ... words without a utf8proc round trip.
 * Returns (size_t)-1 when another character needs the general path.
 */
static size_t fold_latin1(char *buf, size_t cap, const char *s, size_t len)
{
	if (len + 1 > cap)
		return (size_t)-1;
	size_t o = 0;
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c < 0x80) {
			buf[o++] = (c >= 'A' && c <= 'Z') ? (char)(c + 32) : (char)c;
			continue;
		}
		/*
		 * General punctuation U+2002..U+203F (’ “ ” – — … and friends) and
		 * the euro sign have no case and are NFC-stable: copy them as they are.
		 */
		if (c == 0xE2 && i + 2 < len) {
			unsigned char d1 = (unsigned char)s[i + 1], d2 = (unsigned char)s[i + 2];
			if ((d1 == 0x80 && d2 >= 0x82 && d2 <= 0xBF) || (d1 == 0x82 && d2 == 0xAC)) {
				if (o + 3 > cap - 1)
					return (size_t)-1;
				buf[o++] = (char)c;
				buf[o++] = (char)d1;
				buf[o++] = (char)d2;
				i += 2;
				continue;
			}
		}
		/* U+0080..U+00BF: caseless and NFC-stable, but for the micro sign (folds to mu). */
		if (c == 0xC2 && i + 1 < len && (unsigned char)s[i + 1] >= 0x80 &&
		    (unsigned char)s[i + 1] <= 0xBF && (unsigned char)s[i + 1] != 0xB5) {
			buf[o++] = (char)c;
			buf[o++] = s[i + 1];
			i++;
			continue;
		}
		if ((c != 0xC3) || i + 1 >= len)
			return (size_t)-1;
		unsigned char d = (unsigned char)s[i + 1];
		/* U+00C0..U+00FF is C3 80..C3 BF; U+00DF (sharp s) folds to "ss". */
		if (d < 0x80 || d > 0xBF || d == 0x9F)
			return (size_t)-1;
		if (d <= 0x9E && d != 0x97) /* capitals but the multiplication sign */
			d += 0x20;
		buf[o++] = (char)c;
		buf[o++] = (char)d;
		i++;
	}
	buf[o] = '\0';
	return o;
}

size_t px_fold_into(char *buf, size_t cap, const char *s, size_t len)
{
	size_t fast = fold_latin1(buf, cap, s, len);
	if (fast != (size_t)-1)
		return fast;
	if (is_ascii(s, len)) {
		if (len + 1 > cap)
			return (size_t)-1;
		for (size_t i = 0; i < len; i++) {
			char c = s[i];
			buf[i] = (c >= 'A' && c <= 'Z') ? (char)(c + 32) : c;
		}
		buf[len] = '\0';
		return len;
	}
	utf8proc_uint8_t *m = NULL;
	utf8proc_ssize_t n = utf8proc_map((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)len, &m,
					  UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_CASEFOLD);
	if (n < 0)
		return (size_t)-1;
	if ((size_t)n + 1 > cap) {
		free(m);
		return (size_t)-1;
	}
	memcpy(buf, m, (size_t)n + 1);
	free(m);
	return (size_t)n;
}

int px_fold(char **out, size_t *outlen, const char *s, size_t len)
{
	utf8proc_uint8_t *m = NULL;
	utf8proc_ssize_t n = utf8proc_map((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)len, &m,
					  UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_CASEFOLD);
	if (n < 0)
		return n == UTF8PROC_ERROR_NOMEM ? PRECIS_ENOMEM : PRECIS_EUTF8;
	*out = (char *)m;
	*outlen = (size_t)n;
	return 0;
}
