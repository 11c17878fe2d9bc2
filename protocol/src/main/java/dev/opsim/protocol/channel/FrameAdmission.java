package dev.opsim.protocol.channel;

/** What {@link Channel#add} did with a frame. Every outcome but {@link #ADDED} means the frame was ignored. */
public enum FrameAdmission {
  ADDED,
  /** The frame names another channel. */
  OTHER_CHANNEL,
  /** The channel already has a closing frame, so a second one is ignored. */
  ALREADY_CLOSED,
  /** A frame with this number was added before; the first copy wins. */
  DUPLICATE,
  /** The channel is closed at a lower or equal frame number. */
  PAST_END,
  /** Holocene strict order: only the next frame number is accepted (protocol-reference 5.11). */
  OUT_OF_ORDER;

  public boolean added() {
    return this == ADDED;
  }
}
