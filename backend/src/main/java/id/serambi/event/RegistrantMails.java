package id.serambi.event;

import io.smallrye.mutiny.Uni;

/**
 * The e-mail a registrant gets instead of a WhatsApp message that could not be delivered: the same notice, written
 * afresh from the registration as it is now (with a new manage link). Implemented by the registration feature; opens
 * its own transaction.
 */
public interface RegistrantMails {

    /** Sends the e-mail of this notice; true when the mail server took it (or the registration no longer exists). */
    Uni<Boolean> instead(long registrationId, RegistrantWhatsapp.Notice notice);
}
