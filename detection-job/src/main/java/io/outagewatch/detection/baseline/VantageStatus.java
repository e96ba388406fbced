package io.outagewatch.detection.baseline;

import java.io.Serializable;
import java.util.Objects;

/**
 * One vantage's probes of one service in one minute, with its {@link VantageFailureBaseline}
 * judgement: the input of {@link ProbeQuorum}.
 *
 * @param region the vantage's region; null or blank puts it in {@link ProbeQuorum#UNKNOWN_REGION}
 * @param failing whether {@link VantageFailureBaseline#isFailing} said so this minute
 */
public record VantageStatus(
        String vantage, String region, long probes, long failures, boolean failing)
        implements Serializable {

    public VantageStatus {
        Objects.requireNonNull(vantage, "vantage");
        if (probes < 0 || failures < 0 || failures > probes) {
            throw new IllegalArgumentException(
                    "need 0 <= failures <= probes, got " + failures + " of " + probes);
        }
    }
}
