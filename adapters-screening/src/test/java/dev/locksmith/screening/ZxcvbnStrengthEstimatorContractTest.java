package dev.locksmith.screening;

import dev.locksmith.core.port.StrengthEstimator;
import dev.locksmith.core.testing.contract.StrengthEstimatorContract;

/** Core's strength-estimator contract against zxcvbn4j with the default settings. */
class ZxcvbnStrengthEstimatorContractTest extends StrengthEstimatorContract {
    private static final StrengthEstimator ESTIMATOR = ZxcvbnStrengthEstimator.create();

    @Override
    protected StrengthEstimator estimator() {
        return ESTIMATOR;
    }
}
