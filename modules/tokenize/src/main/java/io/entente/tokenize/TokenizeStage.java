package io.entente.tokenize;

import io.entente.core.Document;
import io.entente.core.Layer;
import io.entente.core.ModelInfo;
import io.entente.core.Resources;
import io.entente.core.Sentence;
import io.entente.core.Span;
import io.entente.core.Stage;
import io.entente.core.Token;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import opennlp.tools.sentdetect.SentenceModel;
import opennlp.tools.sentdetect.ThreadSafeSentenceDetectorME;
import opennlp.tools.tokenize.ThreadSafeTokenizerME;
import opennlp.tools.tokenize.TokenizerModel;

/**
 * Splits a document into sentences and tokens with Apache OpenNLP. Models load once, in the
 * constructor; OpenNLP's thread-safe wrappers keep one decoder per thread.
 */
public final class TokenizeStage implements Stage {
    private final ThreadSafeTokenizerME tokenizer;
    private final SentenceSplitter splitter;
    private final List<ModelInfo> models;

    public TokenizeStage(TokenizerConfig config) {
        OpenNlpModels.Located sentenceModel = OpenNlpModels.find("-sentence-");
        OpenNlpModels.Located tokenModel = OpenNlpModels.find("-tokens-");
        Resources.Loaded abbrevFile = Resources.load(config.abbreviations(), Abbreviations.DEFAULT_RESOURCE);
        Abbreviations abbreviations = Abbreviations.load(abbrevFile);
        try (InputStream s = OpenNlpModels.open(sentenceModel); InputStream t = OpenNlpModels.open(tokenModel)) {
            this.splitter = new SentenceSplitter(new ThreadSafeSentenceDetectorME(new SentenceModel(s)), abbreviations);
            this.tokenizer = new ThreadSafeTokenizerME(new TokenizerModel(t));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load OpenNLP models", e);
        }
        this.models = List.of(sentenceModel.info(), tokenModel.info(),
                new ModelInfo("abbreviations:" + abbrevFile.origin(), abbreviations.sha256().substring(0, 12)));
    }

    @Override
    public String name() {
        return "tokenize";
    }

    @Override
    public Set<Layer> requires() {
        return Set.of(Layer.TEXT);
    }

    @Override
    public Set<Layer> provides() {
        return Set.of(Layer.SENTENCES, Layer.TOKENS);
    }

    @Override
    public List<ModelInfo> models() {
        return models;
    }

    @Override
    public Document process(Document document) {
        String text = document.text();
        List<Span> spans = splitter.split(text);
        List<Sentence> sentences = new ArrayList<>(spans.size());
        for (Span span : spans) {
            sentences.add(new Sentence(sentences.size(), span.start(), span.end(), tokens(text, span)));
        }
        return document.withSentences(sentences, true);
    }

    /** Tokens of one sentence, with document offsets; white-space-only tokens (e.g. U+00A0) are dropped. */
    List<Token> tokens(String text, Span sentence) {
        String s = sentence.of(text);
        opennlp.tools.util.Span[] spans = tokenizer.tokenizePos(s);
        List<Token> out = new ArrayList<>(spans.length);
        for (opennlp.tools.util.Span t : spans) {
            Span trimmed = LineBlocks.trim(text, sentence.start() + t.getStart(), sentence.start() + t.getEnd());
            if (trimmed != null) {
                out.add(new Token(trimmed.start(), trimmed.end(), trimmed.of(text)));
            }
        }
        return out;
    }
}
