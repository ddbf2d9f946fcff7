package io.entente.spark;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.entente.engine.LocalSource;
import io.entente.engine.Planner;
import io.entente.engine.Source;
import io.entente.input.InputFiles;
import io.entente.pipeline.RunIdentity;
import io.entente.report.CorpusSummary;
import io.entente.report.PipelineInfo;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;

/**
 * The driver of a Spark run: lists the inputs, plans against what the previous run recorded (the
 * {@code tables/inputs} table), sends the inputs that may have changed to the executors
 * ({@link AnalyzeTask}), and commits: reports, corpus summary, Parquet tables, and the inputs table
 * last. Everything is first written under {@code OUT/_staging/RUN/}; a job killed before the commit
 * leaves only that folder, which the next run deletes.
 */
final class SparkAnalyzeJob {
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * @param paths       the inputs: files or folders, local paths or Hadoop addresses
     * @param out         the output folder (a local path or a Hadoop address)
     * @param analyzeArgs the reading and pipeline options, passed on to the executors
     * @param partitions  how many tasks the inputs are split into (0: two per core of the session)
     */
    record Options(List<String> paths, String out, List<String> analyzeArgs, boolean force, boolean prune, int partitions) {
    }

    /** Counts of a finished run, and the largest start cost (stages built) any executor JVM paid. */
    record Result(int analyzed, int unchanged, int removed, int failed, int documents, int kept, long startMillis,
                  List<String> failures) {
    }

    private final SparkSession spark;
    private final Options o;
    private final Configuration conf;

    SparkAnalyzeJob(SparkSession spark, Options options) {
        this.spark = spark;
        this.o = options;
        this.conf = spark.sparkContext().hadoopConfiguration();
    }

    /** What the previous run recorded of one document. */
    private record Known(String id, String source, String sha256, long size, long modified, String upstream, String themes,
                         boolean dated, String digest) {
    }

    private static String uriOf(Path p) {
        return p.toUri().toString();
    }

    Result run() throws IOException {
        Path out = new Path(o.out());
        FileSystem fs = out.getFileSystem(conf);
        fs.mkdirs(out);
        Path stagingRoot = new Path(out, "_staging");
        if (fs.exists(stagingRoot)) {
            fs.delete(stagingRoot, true); // what a killed run left: never committed, never read
        }
        Path staging = new Path(stagingRoot, UUID.randomUUID().toString());
        fs.mkdirs(new Path(staging, "reports"));
        Path tables = new Path(out, "tables");

        RunIdentity identity = ExecutorStages.identity(o.analyzeArgs()); // a bad configuration fails here, on the driver
        String upstreamId = identity.upstreamSha256();
        String themesId = identity.themesSha256();

        Map<String, Known> known = new LinkedHashMap<>();
        if (fs.exists(new Path(tables, "inputs"))) {
            for (Row r : spark.read().schema(CorpusTables.INPUTS).parquet(uriOf(new Path(tables, "inputs"))).collectAsList()) {
                known.put(r.getAs("document_id"), new Known(r.getAs("document_id"), r.getAs("source"), r.getAs("sha256"),
                        r.<Long>getAs("size"), r.<Long>getAs("modified"), r.getAs("upstream"), r.getAs("themes"),
                        r.<Boolean>getAs("dated"), r.getAs("digest")));
            }
        }
        Map<java.nio.file.Path, String> knownIds = new HashMap<>();
        known.values().forEach(k -> knownIds.put(Planner.abs(k.source()), k.id()));

        // The inputs, as the local engine finds them (local paths through the same selection, so ids agree).
        List<Source> sources = new ArrayList<>();
        Map<java.nio.file.Path, String> uris = new HashMap<>();
        List<java.nio.file.Path> roots = new ArrayList<>();
        List<java.nio.file.Path> local = new ArrayList<>();
        for (String p : o.paths()) {
            Path hp = new Path(p);
            URI u = hp.toUri();
            if (u.getScheme() == null || u.getScheme().equals("file")) {
                java.nio.file.Path lp = java.nio.file.Path.of(u.getPath()).toAbsolutePath().normalize();
                local.add(lp);
                roots.add(lp);
            } else {
                FileSystem in = hp.getFileSystem(conf);
                roots.add(HadoopSource.pathOf(uriOf(in.makeQualified(hp))));
                RemoteIterator<LocatedFileStatus> it = in.listFiles(hp, true);
                while (it.hasNext()) {
                    LocatedFileStatus s = it.next();
                    String name = s.getPath().getName();
                    int dot = name.lastIndexOf('.');
                    if (name.startsWith(".") || name.startsWith("_") || dot < 0
                            || !InputFiles.EXTENSIONS.contains(name.substring(dot + 1).toLowerCase(Locale.ROOT))) {
                        continue;
                    }
                    String uri = uriOf(s.getPath());
                    HadoopSource src = new HadoopSource(uri, HadoopSource.stampOf(in, s));
                    sources.add(src);
                    uris.put(src.path(), uri);
                }
            }
        }
        if (!local.isEmpty()) {
            java.nio.file.Path outLocal = out.toUri().getScheme() == null || out.toUri().getScheme().equals("file")
                    ? java.nio.file.Path.of(out.toUri().getPath()) : null;
            for (InputFiles.InputFile f : InputFiles.collect(local, Planner.RESERVED_IDS,
                    InputFiles.Selection.papers(outLocal == null ? List.of() : List.of(outLocal))).files()) {
                java.nio.file.Path abs = f.path().toAbsolutePath().normalize();
                sources.add(new LocalSource(abs));
                uris.put(abs, abs.toUri().toString());
            }
        }
        List<Planner.Item> items = Planner.withStableIds(sources, knownIds);

        List<Row> tasks = new ArrayList<>();
        Map<String, Known> next = new LinkedHashMap<>();
        Set<String> current = new HashSet<>();
        int unchanged = 0;
        for (Planner.Item item : items) {
            current.add(item.id());
            Known k = known.get(item.id());
            Source.Stamp st = item.source().stamp();
            if (!o.force() && k != null && st.known() && k.size() == st.size() && k.modified() == st.modified()
                    && k.upstream().equals(upstreamId) && k.themes().equals(themesId)) {
                next.put(item.id(), k); // the stamp is the recorded one: not even read
                unchanged++;
                continue;
            }
            tasks.add(RowFactory.create(item.id(), uris.get(item.source().path()), st.size(), st.modified(),
                    k == null ? null : k.sha256(), k == null ? null : k.upstream(), k == null ? null : k.themes()));
        }
        Set<String> removedIds = new HashSet<>();
        int kept = 0;
        int removed = 0;
        for (Known k : known.values()) {
            if (current.contains(k.id())) {
                continue;
            }
            java.nio.file.Path src = Planner.abs(k.source());
            // As the local engine: a local file that still exists but was not collected this run (its folder skipped
            // as an output folder) keeps its document; only --prune or a file gone from disk drops it.
            // A local file whose existence cannot be told (an unreadable folder) is not gone: Files.notExists, not !exists.
            boolean gone = local.stream().noneMatch(src::startsWith) || java.nio.file.Files.notExists(src);
            if (o.prune() || (roots.stream().anyMatch(src::startsWith) && gone)) {
                removedIds.add(k.id());
                removed++;
            } else {
                next.put(k.id(), k);
                kept++;
            }
        }

        if (tasks.isEmpty() && removedIds.isEmpty() && fs.exists(new Path(tables, "inputs")) && fs.exists(new Path(out, "corpus.json"))
                && spark.read().schema(CorpusTables.ERRORS).parquet(uriOf(new Path(tables, "errors"))).isEmpty()) {
            fs.delete(stagingRoot, true);
            return new Result(0, unchanged, 0, 0, next.size(), kept, 0, List.of()); // nothing changed: nothing rewritten
        }

        // The executors: stages built once per JVM, reports written to staging, one row per input.
        int partitions = o.partitions() > 0 ? o.partitions() : Math.max(1, 2 * spark.sparkContext().defaultParallelism());
        Dataset<Row> taskSet = spark.createDataFrame(tasks, AnalyzeTask.TASKS).repartition(Math.max(1, Math.min(partitions, tasks.size())));
        Path resultsPath = new Path(staging, "results");
        taskSet.mapPartitions(new AnalyzeTask(o.analyzeArgs(), uriOf(fs.makeQualified(staging)), o.force()),
                        Encoders.row(AnalyzeTask.RESULTS))
                .write().mode(SaveMode.Overwrite).parquet(uriOf(resultsPath)); // computed once, read back below
        Dataset<Row> results = spark.read().parquet(uriOf(resultsPath));

        List<String> failures = new ArrayList<>();
        List<CorpusSummary.Failure> failed = new ArrayList<>();
        Set<String> analyzedIds = new HashSet<>();
        long startMillis = 0;
        int analyzed = 0;
        for (Row r : results.drop("rows").orderBy("document_id").collectAsList()) {
            String id = r.getAs("document_id");
            String status = r.getAs("status");
            startMillis = Math.max(startMillis, r.<Long>getAs("load_millis"));
            switch (status) {
                case "failed" -> {
                    String reason = r.getAs("reason");
                    failures.add(reason);
                    failed.add(CorpusSummary.Failure.of(r.getAs("source"), reason)); // as the local engine: the cause without the path
                    if (known.containsKey(id)) {
                        removedIds.add(id); // its file changed and no longer reads: the old report would mislead
                    }
                }
                case "unchanged" -> {
                    Known k = known.get(id);
                    next.put(id, new Known(id, r.getAs("source"), r.getAs("sha256"), r.<Long>getAs("size"),
                            r.<Long>getAs("modified"), r.getAs("upstream"), r.getAs("themes"), k.dated(), k.digest()));
                    unchanged++;
                }
                default -> {
                    next.put(id, new Known(id, r.getAs("source"), r.getAs("sha256"), r.<Long>getAs("size"),
                            r.<Long>getAs("modified"), r.getAs("upstream"), r.getAs("themes"), r.<Boolean>getAs("dated"),
                            r.getAs("digest")));
                    analyzedIds.add(id);
                    analyzed++;
                }
            }
        }

        // Tables of the corpus: the new documents' rows, and the previous rows of every document that stays.
        Set<String> replaced = new HashSet<>(analyzedIds);
        replaced.addAll(removedIds);
        Map<String, Dataset<Row>> newTables = CorpusTables.of(results.filter(functions.col("status").equalTo("analyzed")));
        Path stagedTables = new Path(staging, "tables");
        for (Map.Entry<String, Dataset<Row>> t : newTables.entrySet()) {
            Dataset<Row> rows = t.getValue();
            Path previous = new Path(tables, t.getKey());
            if (fs.exists(previous)) {
                Dataset<Row> old = spark.read().schema(CorpusTables.schema(t.getKey())).parquet(uriOf(previous));
                if (!replaced.isEmpty()) {
                    old = old.filter(functions.not(functions.col("document_id").isin(replaced.toArray())));
                }
                rows = old.select(rows.columns()[0], java.util.Arrays.copyOfRange(rows.columns(), 1, rows.columns().length))
                        .unionByName(rows);
            }
            rows.write().mode(SaveMode.Overwrite).partitionBy("year").parquet(uriOf(new Path(stagedTables, t.getKey())));
        }
        List<Row> errors = new ArrayList<>();
        results.filter(functions.col("status").equalTo("failed")).select("document_id", "source", "reason")
                .orderBy("document_id").collectAsList().forEach(errors::add);
        spark.createDataFrame(errors, CorpusTables.ERRORS).coalesce(1).write().mode(SaveMode.Overwrite)
                .parquet(uriOf(new Path(stagedTables, "errors")));
        List<Row> inputs = new ArrayList<>();
        next.values().stream().sorted(java.util.Comparator.comparing(Known::id)).forEach(k -> inputs.add(RowFactory.create(
                k.id(), k.source(), k.sha256(), k.size(), k.modified(), k.upstream(), k.themes(), k.dated(), k.digest())));
        spark.createDataFrame(inputs, CorpusTables.INPUTS).coalesce(1).write().mode(SaveMode.Overwrite)
                .parquet(uriOf(new Path(stagedTables, "inputs")));

        // The corpus summary, from every document the folder holds.
        CorpusSummary summary = new CorpusSummary();
        for (Known k : next.values().stream().sorted(java.util.Comparator.comparing(Known::id)).toList()) {
            summary.add(JSON.readValue(k.digest(), CorpusSummary.Digest.class));
        }
        failed.forEach(f -> summary.fail(f.path(), f.reason()));
        PipelineInfo info = ExecutorStages.info(o.analyzeArgs());
        HadoopSource.write(fs, new Path(staging, "corpus.json"), summary.render(info));
        HadoopSource.write(fs, new Path(staging, "corpus-themes.csv"), summary.renderThemesCsv());

        // Commit: each step a rename; the inputs table, the record of what is done, moves last.
        for (String id : removedIds) {
            fs.delete(new Path(out, id + ".json"), false);
            fs.delete(new Path(out, id + ".md"), false);
        }
        for (String id : analyzedIds) {
            for (String ext : List.of(".json", ".md")) {
                Path target = new Path(out, id + ext);
                fs.delete(target, false);
                fs.rename(new Path(staging, "reports/" + id + ext), target);
            }
        }
        for (String name : List.of("corpus.json", "corpus-themes.csv")) {
            fs.delete(new Path(out, name), false);
            fs.rename(new Path(staging, name), new Path(out, name));
        }
        fs.mkdirs(tables);
        List<String> order = new ArrayList<>(newTables.keySet());
        order.add("errors");
        order.add("inputs");
        Path old = new Path(staging, "old");
        fs.mkdirs(old);
        for (String t : order) {
            Path target = new Path(tables, t);
            if (fs.exists(target)) {
                fs.rename(target, new Path(old, t));
            }
            fs.rename(new Path(stagedTables, t), target);
        }
        fs.delete(stagingRoot, true);
        return new Result(analyzed, unchanged, removed, failures.size(), next.size(), kept, startMillis, failures);
    }


}
