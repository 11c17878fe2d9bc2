package dev.opsim.evm.precompile;

import org.bouncycastle.crypto.digests.RIPEMD160Digest;

/** 0x03 RIPEMD-160 (yellow paper appendix E): 600 gas + 120 per word; the 20-byte digest left-padded to 32. */
public final class Ripemd160Precompile implements PrecompiledContract {
  static final long BASE_GAS = 600;
  static final long WORD_GAS = 120;

  @Override
  public long gasCost(byte[] input) {
    return BASE_GAS + WORD_GAS * InputWords.words(input.length);
  }

  @Override
  public byte[] compute(byte[] input) {
    RIPEMD160Digest digest = new RIPEMD160Digest();
    digest.update(input, 0, input.length);
    byte[] out = new byte[32];
    digest.doFinal(out, 12);
    return out;
  }
}
