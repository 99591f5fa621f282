package io.deskbridge.core.conversation;

/** The channel a conversation arrived through. */
public enum Channel {
  EMAIL,
  WEB_FORM,
  CHAT,
  VOICE_TRANSCRIPT
}
