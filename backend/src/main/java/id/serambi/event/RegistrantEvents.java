package id.serambi.event;

import io.smallrye.mutiny.Uni;

/**
 * What other features may know of a registrant by their WhatsApp number: the event they registered for last (the
 * inbox links a WhatsApp thread to it). On the caller's session; nothing here opens a transaction.
 */
public interface RegistrantEvents {

    /**
     * The event of this number's (E.164, e.g. +6281234567890) registration for the latest-starting event, whatever
     * the registration's status, or a null item when no registration has it.
     */
    Uni<Events.EventSummary> latestByWhatsapp(String number);
}
