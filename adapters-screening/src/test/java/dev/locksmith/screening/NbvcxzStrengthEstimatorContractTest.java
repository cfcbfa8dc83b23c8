package dev.locksmith.screening;

import dev.locksmith.core.port.StrengthEstimator;
import dev.locksmith.core.testing.contract.StrengthEstimatorContract;

/** Core's strength-estimator contract against nbvcxz with the default settings. */
class NbvcxzStrengthEstimatorContractTest extends StrengthEstimatorContract {
    private static final StrengthEstimator ESTIMATOR = NbvcxzStrengthEstimator.create();

    @Override
    protected StrengthEstimator estimator() {
        return ESTIMATOR;
    }
}
