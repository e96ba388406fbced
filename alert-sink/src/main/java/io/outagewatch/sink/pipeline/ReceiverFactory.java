package io.outagewatch.sink.pipeline;

import io.outagewatch.sink.notify.Notifier;

/** Builds the notifier for one configured receiver; supplied by whoever wires the sink. */
@FunctionalInterface
public interface ReceiverFactory {

    /**
     * @return a notifier whose {@link Notifier#name()} is {@link ReceiverConfig#name()}
     * @throws IllegalArgumentException when the configuration does not fit the kind
     */
    Notifier create(ReceiverConfig config);
}
