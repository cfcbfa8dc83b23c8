package dev.locksmith.crypto;

/** Test hook called inside the concurrency bound, around each hash computation. Implementations must be thread-safe. */
interface ComputationObserver {
    ComputationObserver NONE = new ComputationObserver() {
        @Override
        public void started() {}

        @Override
        public void finished() {}
    };

    void started();

    void finished();
}
