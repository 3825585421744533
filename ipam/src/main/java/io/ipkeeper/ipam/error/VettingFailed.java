package io.ipkeeper.ipam.error;

/** The vetting hook threw or did not answer in time; the held candidates were released and nothing was allocated. */
public final class VettingFailed extends IpamException {
    public VettingFailed(String message, Throwable cause) {
        super(message);
        initCause(cause);
    }

    @Override
    public String code() {
        return "vetting_failed";
    }
}
