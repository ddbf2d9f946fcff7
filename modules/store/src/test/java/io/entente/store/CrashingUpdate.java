package io.entente.store;

import java.nio.file.Path;

/** Runs an update in a process of its own and halts it, as a kill would, when every row is written but not committed. */
public final class CrashingUpdate {
    static final int EXIT = 86;

    private CrashingUpdate() {
    }

    public static void main(String[] args) throws Exception {
        CorpusStore.update(Path.of(args[0]), Path.of(args[1]), new CorpusStore.UpdateListener() {
            @Override
            public void beforeCommit() {
                System.out.println("halting before commit");
                System.out.flush();
                Runtime.getRuntime().halt(EXIT);
            }
        });
        System.out.println("committed: the crash did not happen");
        System.exit(1);
    }
}
