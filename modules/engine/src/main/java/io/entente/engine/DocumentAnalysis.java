package io.entente.engine;

import io.entente.core.Document;
import io.entente.core.Pipeline;
import io.entente.input.DocumentReadException;
import io.entente.input.DocumentReader;
import io.entente.input.InputFiles;
import io.entente.pipeline.BatchRunner;
import io.entente.pipeline.MetadataSources;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The analysis of one source, the same in every engine: read it (format by content, limits),
 * apply the user's metadata (sidecar, front matter, CSV), run the stages.
 */
public final class DocumentAnalysis {
    private DocumentAnalysis() {
    }

    /**
     * @param id the document's id in the output folder
     * @throws DocumentReadException naming the source and the cause when it cannot be read
     */
    public static BatchRunner.Outcome analyze(Pipeline pipeline, DocumentReader reader, MetadataSources metadata,
                                              Source source, String id) throws DocumentReadException {
        InputFiles.InputFile file = new InputFiles.InputFile(source.path(), id);
        DocumentReader.Result read = reader.read(file, source::open);
        List<String> warnings = new ArrayList<>(read.warnings());
        byte[] sidecar;
        try {
            sidecar = source.sidecar();
        } catch (IOException e) {
            throw new DocumentReadException(file.path(), "sidecar " + MetadataSources.sidecarOf(file.path()).getFileName()
                    + " cannot be read: " + io.entente.core.IoMessages.describe(e));
        }
        Document doc = metadata.apply(file, read.document(), warnings, sidecar);
        return new BatchRunner.Outcome(pipeline.process(doc), warnings);
    }
}
