package io.entente.store;

/**
 * What one {@link CorpusStore#update} did.
 *
 * @param documents the documents the store holds after the update (= the document reports in the folder)
 * @param added     documents that were not in the store before
 * @param updated   documents whose report changed (their rows were replaced)
 * @param removed   documents whose report is gone from the folder (their rows were deleted)
 */
public record StoreSummary(int documents, int added, int updated, int removed) {

    /** Documents whose report did not change, and whose rows were left as they were. */
    public int unchanged() {
        return documents - added - updated;
    }

    /** One line for a person, e.g. {@code 120 documents (3 added, 1 updated, 2 removed, 116 unchanged)}. */
    public String describe() {
        return documents + (documents == 1 ? " document" : " documents") + " (" + added + " added, " + updated
                + " updated, " + removed + " removed, " + unchanged() + " unchanged)";
    }
}
