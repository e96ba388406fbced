package io.outagewatch.scenario;

/** What a generated post is, as ground truth for judging a complaint classifier. */
public enum ReportKind {
    /** Someone says the service is broken for them. */
    COMPLAINT,
    /** Someone mentions the service for any other reason. */
    CHATTER,
    /** A news headline about the service, which may even contain the word outage. */
    HEADLINE
}
