/**
 * Reading papers: finding files ({@link io.entente.input.InputFiles}) and turning each into a
 * {@link io.entente.core.Document} ({@link io.entente.input.DocumentReader}).
 *
 * <h2>Formats</h2>
 * {@link io.entente.input.FormatDetector} tells the format from the content (the extension only breaks
 * ties, and earns a warning when it is wrong): plain text and Markdown ({@code PlainTextReader}), PDF
 * ({@code PdfReader} with {@code PdfLayout}), DOCX ({@code DocxReader}) and HTML ({@code HtmlReader}),
 * each a {@link io.entente.input.FormatReader} returning {@link io.entente.input.ExtractedText}: the
 * text, where its pages start, the file's own metadata and warnings. Other ZIPs, legacy Office (OLE2)
 * files and RTF are refused as unsupported.
 *
 * <h2>Limits ({@link io.entente.input.ReaderOptions}, defaults)</h2>
 * <ul>
 *   <li>file size: 20 MB ({@code --max-bytes}); checked before reading, so a larger file costs nothing;</li>
 *   <li>DOCX: 200 MB declared uncompressed in total, 10,000 ZIP entries, 100 MB per entry, no entry over
 *       1 MB compressed more than 100:1, tables nested at most 64 deep and elements 512 deep; POI's
 *       {@code ZipSecureFile} guards the inflation itself (ratio 0.01, entry size, entry count);</li>
 *   <li>PDF and DOCX: at most 20 million characters of text;</li>
 *   <li>language: a text with at least 200 letters that OpenNLP's detector gives to another language
 *       (probability at least 0.5, English under 0.25) is refused unless any language is accepted
 *       ({@code --lang-any}).</li>
 * </ul>
 *
 * <p>Every bad input ends as a {@link io.entente.input.DocumentReadException} whose message is
 * {@code path: cause}; nothing else escapes {@link io.entente.input.DocumentReader#read}.
 */
package io.entente.input;
