package dev.opsim.evm.precompile;

/** 0x04 IDENTITY (yellow paper appendix E): returns its input; 15 gas + 3 per word. */
public final class IdentityPrecompile implements PrecompiledContract {
  static final long BASE_GAS = 15;
  static final long WORD_GAS = 3;

  @Override
  public long gasCost(byte[] input) {
    return BASE_GAS + WORD_GAS * InputWords.words(input.length);
  }

  @Override
  public byte[] compute(byte[] input) {
    return input.clone();
  }
}
