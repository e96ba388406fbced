package io.outagewatch.detection.functions;

import io.outagewatch.detection.records.ServiceSignal;
import io.outagewatch.detection.reports.Complaint;
import io.outagewatch.detection.reports.ReportInterpreter;
import io.outagewatch.events.SocialReport;
import java.util.Objects;
import org.apache.flink.api.common.functions.FlatMapFunction;
import org.apache.flink.util.Collector;

/** Turns a social report into one complaint signal per service it complains about. */
public final class ReportsToComplaints implements FlatMapFunction<SocialReport, ServiceSignal> {

    private static final long serialVersionUID = 1L;

    private final ReportInterpreter interpreter;

    public ReportsToComplaints(ReportInterpreter interpreter) {
        this.interpreter = Objects.requireNonNull(interpreter, "interpreter");
    }

    @Override
    public void flatMap(SocialReport report, Collector<ServiceSignal> out) {
        for (Complaint complaint : interpreter.complaintsIn(report)) {
            out.collect(ServiceSignal.of(complaint));
        }
    }
}
