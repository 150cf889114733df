/* idf: corpus document frequencies (precis idf, --idf). */
#ifndef PX_IDF_H
#define PX_IDF_H

#include <stdint.h>

#include "precis.h"

/* Document frequency of a stem (0 when unseen). */
uint64_t px_idf_df(const precis_idf *idf, const char *stem, size_t len);

#endif
