package io.entente.spark;

import io.entente.store.TableRows;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The corpus as Parquet tables: the DuckDB store's tables with the same columns and rows (both come
 * from {@link TableRows}), each with the document's {@code year} to partition by; plus the job's own
 * {@code errors} and {@code inputs} tables.
 */
final class CorpusTables {
    /** Inputs that could not be analyzed in the last run, with the cause. */
    static final StructType ERRORS = new StructType()
            .add("document_id", DataTypes.StringType, false)
            .add("source", DataTypes.StringType, false)
            .add("reason", DataTypes.StringType, false);

    /** The job's record of what it has done: what a rerun compares against. */
    static final StructType INPUTS = new StructType()
            .add("document_id", DataTypes.StringType, false)
            .add("source", DataTypes.StringType, false)
            .add("sha256", DataTypes.StringType, false)
            .add("size", DataTypes.LongType, false)
            .add("modified", DataTypes.LongType, false)
            .add("upstream", DataTypes.StringType, false)
            .add("themes", DataTypes.StringType, false)
            .add("dated", DataTypes.BooleanType, false)
            .add("digest", DataTypes.StringType, false);

    private CorpusTables() {
    }

    /** The Spark schema of a store table, with {@code year} last for tables that lack it. */
    static StructType schema(String table) {
        StructType s = new StructType();
        boolean hasYear = false;
        for (TableRows.Column c : TableRows.columns().get(table)) {
            s = s.add(c.name(), type(c.type()), c.nullable());
            hasYear |= c.name().equals("year");
        }
        return hasYear ? s : s.add("year", DataTypes.IntegerType, true);
    }

    private static DataType type(String sql) {
        return switch (sql) {
            case "VARCHAR" -> DataTypes.StringType;
            case "INTEGER" -> DataTypes.IntegerType;
            case "DOUBLE" -> DataTypes.DoubleType;
            case "DATE" -> DataTypes.DateType;
            default -> throw new IllegalStateException("no Spark type for " + sql);
        };
    }

    /** One struct per document: for every store table, the array of its rows (with {@code year}). */
    static final StructType ROWS = rowsType();

    private static StructType rowsType() {
        StructType t = new StructType();
        for (String table : TableRows.columns().keySet()) {
            t = t.add(table, DataTypes.createArrayType(schema(table), false), false);
        }
        return t;
    }

    /** A document's rows as a {@link #ROWS} value. */
    static Row rows(Map<String, List<List<Object>>> rows) {
        Integer year = TableRows.year(rows);
        List<Object> tables = new ArrayList<>();
        for (Map.Entry<String, List<TableRows.Column>> t : TableRows.columns().entrySet()) {
            boolean addYear = t.getValue().stream().noneMatch(c -> c.name().equals("year"));
            List<Row> list = new ArrayList<>();
            for (List<Object> values : rows.get(t.getKey())) {
                List<Object> v = new ArrayList<>(values.size() + 1);
                for (Object x : values) {
                    v.add(x instanceof java.time.LocalDate d ? java.sql.Date.valueOf(d) : x);
                }
                if (addYear) {
                    v.add(year);
                }
                list.add(RowFactory.create(v.toArray()));
            }
            tables.add(scala.jdk.javaapi.CollectionConverters.asScala(list).toSeq());
        }
        return RowFactory.create(tables.toArray());
    }

    /** Every store table's rows from the results' {@code rows} column. */
    static Map<String, Dataset<Row>> of(Dataset<Row> results) {
        Map<String, Dataset<Row>> out = new LinkedHashMap<>();
        for (String table : TableRows.columns().keySet()) {
            out.put(table, results.select(functions.explode(functions.col("rows." + table)).as("r")).select("r.*"));
        }
        return out;
    }
}
