package dev.opsim.evm.precompile;

import org.bouncycastle.crypto.digests.SHA256Digest;

/** 0x02 SHA2-256 (yellow paper appendix E): 60 gas + 12 per input word. */
public final class Sha256Precompile implements PrecompiledContract {
  static final long BASE_GAS = 60;
  static final long WORD_GAS = 12;

  @Override
  public long gasCost(byte[] input) {
    return BASE_GAS + WORD_GAS * InputWords.words(input.length);
  }

  @Override
  public byte[] compute(byte[] input) {
    SHA256Digest digest = new SHA256Digest();
    digest.update(input, 0, input.length);
    byte[] out = new byte[32];
    digest.doFinal(out, 0);
    return out;
  }
}
