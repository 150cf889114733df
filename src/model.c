/* model: the default system's sentence scorer, a logistic model over feature.c. */
#include <math.h>
#include <string.h>

#include "feature.h"

/*
 * Placeholder weights until eval/fit_rank.py has run.
 */
static const double WEIGHTS_EN[PX_NFEAT] = { -0.2036, 1.1236, 0.8727, 0.5723, 0.9699, -0.0849, -0.4390, 1.4893, 0.4919, -0.3305, -0.0582, -0.3470, -0.2004, 0.2999, 0.2329, 0.0697, 0.0041, -0.6961 };
static const double WEIGHTS_FR[PX_NFEAT] = { -0.2963, 0.4097, 0.5947, -0.0962, 0.7557, -0.5555, -0.4432, 1.7504, 0.0935, -0.1739, -0.1346, -0.1696, -0.2233, 0.1109, 0.7548, 0.0805, 0.0007, -0.5977 };

void px_model_weights(double *w, const char *lang, double position_scale, double title_scale)
{
	memcpy(w, strcmp(lang, "fr") == 0 ? WEIGHTS_FR : WEIGHTS_EN, PX_NFEAT * sizeof *w);
	w[PX_F_LEAD] *= position_scale;
	w[PX_F_FIRST] *= position_scale;
	w[PX_F_RELPOS] *= position_scale;
	w[PX_F_TITLE] *= title_scale;
}

double px_model_score(const double *f, const double *w)
{
	double z = 0.0;
	for (size_t k = 0; k < PX_NFEAT; k++)
		z += w[k] * f[k];
	return 1.0 / (1.0 + exp(-z));
}
