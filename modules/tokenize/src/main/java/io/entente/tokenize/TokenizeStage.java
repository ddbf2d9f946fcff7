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
    private final SectionDetector sections;
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
        this.sections = SectionDetector.load(Resources.load(config.sections(), SectionDetector.DEFAULT_RESOURCE));
        this.models = List.of(sentenceModel.info(), tokenModel.info(),
                new ModelInfo("lexicon:abbreviations", abbreviations.sha256().substring(0, 12)),
                new ModelInfo("lexicon:sections", sections.sha256().substring(0, 12)));
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
        // Author boxes, references and notes are marked here, so every later stage can tell them from the argument.
        return document.withSentences(sentences, true).withSections(sections.detect(text, sentences));
    }

    /** "College/the" and "Dokdo/Takeshima" are two words each: names on either side must stay visible. */
    private static void addSplitAtSlashes(String text, Span token, List<Token> out) {
        int start = token.start();
        for (int i = token.start(); i < token.end(); i++) {
            boolean letterBefore = i > token.start() && Character.isLetter(text.charAt(i - 1));
            boolean letterAfter = i + 1 < token.end() && Character.isLetter(text.charAt(i + 1));
            if (text.charAt(i) == '/' && token.length() > 1 && (letterBefore || letterAfter)) {
                if (i > start) {
                    out.add(new Token(start, i, text.substring(start, i)));
                }
                out.add(new Token(i, i + 1, "/"));
                start = i + 1;
            }
        }
        if (start < token.end()) {
            out.add(new Token(start, token.end(), text.substring(start, token.end())));
        }
    }

    /** Tokens of one sentence, with document offsets; white-space-only tokens (e.g. U+00A0) are dropped. */
    List<Token> tokens(String text, Span sentence) {
        String s = sentence.of(text);
        opennlp.tools.util.Span[] spans = tokenizer.tokenizePos(s);
        List<Token> out = new ArrayList<>(spans.length);
        for (opennlp.tools.util.Span t : spans) {
            Span trimmed = LineBlocks.trim(text, sentence.start() + t.getStart(), sentence.start() + t.getEnd());
            if (trimmed != null) {
                addSplitAtSlashes(text, trimmed, out);
            }
        }
        return out;
    }
}
