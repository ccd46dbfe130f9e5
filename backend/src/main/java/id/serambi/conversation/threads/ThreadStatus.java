package id.serambi.conversation.threads;

/** A thread's place in the inbox: Baru, Dibuka, Menunggu (on the patron), Selesai. */
public enum ThreadStatus {
    NEW, OPEN, WAITING, DONE
}
