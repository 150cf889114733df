/* model: the default system's sentence scorer, a logistic model over feature.c. */
#include <math.h>
#include <string.h>

#include "feature.h"

/*
 * Placeholder weights until eval/fit_rank.py has run.
 */
static const double WEIGHTS_EN[PX_NFEAT] = { -0.1997, 1.1231, 0.8717, 0.5721, 0.9704, -0.0735, -0.4400, 1.4846, 0.4905, -0.3350, -0.0578, -0.3469, -0.1992, 0.3108, 0.2581, 0.0717, 0.0060, -0.6951 };
static const double WEIGHTS_FR[PX_NFEAT] = { -0.2955, 0.4111, 0.5964, -0.0950, 0.7550, -0.5550, -0.4437, 1.7568, 0.0944, -0.1736, -0.1343, -0.1666, -0.2214, 0.1146, 0.7074, 0.0814, 0.0032, -0.5969 };

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
