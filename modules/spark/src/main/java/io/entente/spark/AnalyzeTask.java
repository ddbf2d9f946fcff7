package io.entente.spark;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.entente.core.Document;
import io.entente.engine.DocumentAnalysis;
import io.entente.engine.Planner;
import io.entente.engine.Source;
import io.entente.input.DocumentReadException;
import io.entente.pipeline.BatchRunner;
import io.entente.report.CorpusSummary;
import io.entente.report.JsonReport;
import io.entente.report.MarkdownReport;
import io.entente.report.model.DocumentReport;
import io.entente.report.model.ReportJson;
import io.entente.store.TableRows;
import io.entente.core.Resources;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * What an executor does with one partition of inputs: hash each input, and analyze those whose
 * content or configuration changed with the stages of this JVM ({@link ExecutorStages}), writing
 * their reports into the run's staging folder. A document that fails is a row with its cause, never
 * a failed task.
 */
final class AnalyzeTask implements org.apache.spark.api.java.function.MapPartitionsFunction<Row, Row> {
    private static final long serialVersionUID = 1L;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One input to look at: id, address, stamp, and what the previous run recorded of it (nulls when new). */
    static final StructType TASKS = new StructType()
            .add("document_id", DataTypes.StringType, false)
            .add("uri", DataTypes.StringType, false)
            .add("size", DataTypes.LongType, false)
            .add("modified", DataTypes.LongType, false)
            .add("previous_sha256", DataTypes.StringType, true)
            .add("previous_upstream", DataTypes.StringType, true)
            .add("previous_themes", DataTypes.StringType, true);

    /** What became of it. status: analyzed, unchanged (same bytes and configuration), failed. */
    static final StructType RESULTS = new StructType()
            .add("document_id", DataTypes.StringType, false)
            .add("source", DataTypes.StringType, false)
            .add("status", DataTypes.StringType, false)
            .add("reason", DataTypes.StringType, true)
            .add("warnings", DataTypes.createArrayType(DataTypes.StringType), false)
            .add("sha256", DataTypes.StringType, true)
            .add("size", DataTypes.LongType, false)
            .add("modified", DataTypes.LongType, false)
            .add("upstream", DataTypes.StringType, true)
            .add("themes", DataTypes.StringType, true)
            .add("dated", DataTypes.BooleanType, true)
            .add("digest", DataTypes.StringType, true)
            .add("load_millis", DataTypes.LongType, false)
            .add("rows", CorpusTables.ROWS, true);

    private final List<String> analyzeArgs;
    private final String staging;
    private final boolean force;

    /**
     * @param analyzeArgs the reading and pipeline options, as given to the job
     * @param staging     the run's staging folder (reports go to {@code staging/reports/})
     */
    AnalyzeTask(List<String> analyzeArgs, String staging, boolean force) {
        this.analyzeArgs = List.copyOf(analyzeArgs);
        this.staging = staging;
        this.force = force;
    }

    @Override
    public Iterator<Row> call(Iterator<Row> tasks) throws Exception {
        ExecutorStages.Stages stages = null;
        long load = 0;
        List<Row> out = new ArrayList<>();
        FileSystem fs = FileSystem.get(URI.create(staging), new Configuration());
        while (tasks.hasNext()) {
            Row t = tasks.next();
            String id = t.getString(0);
            HadoopSource source = new HadoopSource(t.getString(1), new Source.Stamp(t.getLong(2), t.getLong(3)));
            String path = source.path().toString();
            if (stages == null) {
                long t0 = System.nanoTime();
                stages = ExecutorStages.get(analyzeArgs); // once per JVM; later tasks find it built
                load = (System.nanoTime() - t0) / 1_000_000;
            }
            String sha = Planner.inputHash(source);
            if (!force && sha.equals(t.getString(4)) && stages.upstreamId().equals(t.getString(5))
                    && stages.themesId().equals(t.getString(6))) {
                out.add(RowFactory.create(id, path, "unchanged", null, new String[0], sha, t.getLong(2), t.getLong(3),
                        stages.upstreamId(), stages.themesId(), null, null, load, null));
                continue;
            }
            try {
                BatchRunner.Outcome o = DocumentAnalysis.analyze(stages.pipeline().pipeline(), stages.reader(),
                        stages.metadata(), source, id);
                Document doc = o.document();
                DocumentReport model = JsonReport.model(doc, stages.info());
                String report = ReportJson.write(model); // what JsonReport.render writes
                HadoopSource.write(fs, new Path(staging, "reports/" + id + ".json"), report);
                HadoopSource.write(fs, new Path(staging, "reports/" + id + ".md"), MarkdownReport.render(doc, stages.info()));
                String digest = JSON.writeValueAsString(CorpusSummary.digestOf(doc));
                // the store's rows of this report, projected once from the model in memory
                Row rows = CorpusTables.rows(TableRows.of(model, id + ".json",
                        Resources.sha256(report.getBytes(StandardCharsets.UTF_8))));
                out.add(RowFactory.create(id, path, "analyzed", null, o.warnings().toArray(String[]::new), sha,
                        t.getLong(2), t.getLong(3), stages.upstreamId(), stages.themesId(), doc.info().date() != null,
                        digest, load, rows));
            } catch (DocumentReadException e) {
                out.add(failed(id, path, e.getMessage(), t, load));
            } catch (Exception | StackOverflowError | OutOfMemoryError e) {
                // as the local engine words it: one broken paper never fails the job
                out.add(failed(id, path, BatchRunner.failure(source.path(), e), t, load));
            }
            load = 0; // the start cost is counted once, on the first row of the JVM's first partition
        }
        return out.iterator();
    }

    private static Row failed(String id, String path, String reason, Row t, long load) {
        return RowFactory.create(id, path, "failed", reason, new String[0], null, t.getLong(2), t.getLong(3), null, null,
                null, null, load, null);
    }
}
