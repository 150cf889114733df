/*
 * text: UTF-8 validation and repair, code point classes, normalization.
 * With token.c, the only module that talks to utf8proc.
 */
#ifndef PX_TEXT_H
#define PX_TEXT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "precis.h"

/*
 * Check that s is text: valid UTF-8 (no overlong forms, surrogates or
 * truncated sequences), no NUL byte, no UTF-16 byte order mark. On failure
 * err says which byte.
 */
int px_text_check(const char *s, size_t len, precis_error *err);

/* Copy s with every invalid sequence (and NUL) replaced by U+FFFD. */
int px_text_repair(char **out, size_t *outlen, const char *s, size_t len);

/*
 * Decode the code point at s[0..len) (len >= 1). Sets *adv to the bytes
 * used (at least 1). Returns -1 for an invalid sequence.
 */
int32_t px_utf8_decode(const char *s, size_t len, size_t *adv);

/* Length in bytes of the UTF-8 encoding of cp (1..4); writes it to buf. */
size_t px_utf8_encode(int32_t cp, char *buf);

/* Number of code points in s[0..len). */
size_t px_utf8_length(const char *s, size_t len);

bool px_cp_is_space(int32_t cp);  /* white space, NBSP and narrow NBSP included */
bool px_cp_is_letter(int32_t cp); /* L* and M* (combining marks stay in words) */
bool px_cp_is_digit(int32_t cp);  /* N* */
bool px_cp_is_upper(int32_t cp);  /* Lu, Lt */
bool px_cp_is_punct(int32_t cp);  /* P* and S* */
bool px_cp_is_apostrophe(int32_t cp);
bool px_cp_is_hyphen(int32_t cp);

/*
 * NFC-normalize and case-fold s[0..len) into a buffer allocated with
 * malloc (*out, *outlen; NUL-terminated). ASCII takes a fast path.
 */
int px_fold(char **out, size_t *outlen, const char *s, size_t len);

/*
 * Same, into a caller buffer of size cap; returns the length written, or
 * (size_t)-1 when the result does not fit or s is invalid. No allocation
 * for ASCII input.
 */
size_t px_fold_into(char *buf, size_t cap, const char *s, size_t len);

#endif
