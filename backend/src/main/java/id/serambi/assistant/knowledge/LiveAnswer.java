package id.serambi.assistant.knowledge;

/** Serambi's own data an entry's answer is about: the library's hours or address, the next events, open challenges. */
public enum LiveAnswer {
    HOURS, ADDRESS, EVENTS, CHALLENGES
}
