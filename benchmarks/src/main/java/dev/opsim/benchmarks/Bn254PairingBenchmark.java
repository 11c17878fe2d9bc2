package dev.opsim.benchmarks;

import dev.opsim.evm.precompile.bn254.Bn254Precompiles;
import dev.opsim.evm.precompile.bn254.Bn254Result;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The bn254 pairing precompile (0x08, EIP-197) on two pairs, e(G1, G2)·e(−G1, G2) = 1, the shape of a Groth16-style
 * check: 45,000 + 2·34,000 = 113,000 gas per call (EIP-1108), counted by {@code gas}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(value = 1, jvmArgsAppend = "--enable-native-access=ALL-UNNAMED")
public class Bn254PairingBenchmark {
  /** EIP-196: the base-field modulus; −(1, 2) = (1, p − 2). */
  private static final BigInteger P =
      new BigInteger("21888242871839275222246405745257275088696311157297823662689037894645226208583");
  /** EIP-197: the G2 generator, encoded x_im, x_re, y_im, y_re. */
  private static final String[] G2 = {
      "11559732032986387107991004021392285783925812861821192530917403151452391805634",
      "10857046999023057135944570762232829481370756359578518086990519993285655852781",
      "4082367875863433681332203403145435568316851327593401208105741076214120093531",
      "8495653923123431417604973247489272438418190587263600148770280649306958101930"};

  private byte[] input;
  private long gas;

  @Setup
  public void setUp() {
    byte[] g2 = new byte[0];
    for (String w : G2) {
      g2 = concat(g2, word(new BigInteger(w)));
    }
    byte[] g1 = concat(word(BigInteger.ONE), word(BigInteger.TWO));
    byte[] negG1 = concat(word(BigInteger.ONE), word(P.subtract(BigInteger.TWO)));
    input = concat(concat(g1, g2), concat(negG1, g2));
    gas = Bn254Precompiles.pairingGas(input);
    if (!(Bn254Precompiles.pairing(input) instanceof Bn254Result.Success s) || s.output()[31] != 1) {
      throw new IllegalStateException("the two-pair check should hold");
    }
  }

  @Benchmark
  public Bn254Result pairingTwoPairs(GasCounter counter) {
    counter.gas += gas;
    return Bn254Precompiles.pairing(input);
  }

  private static byte[] word(BigInteger v) {
    byte[] b = v.toByteArray();
    byte[] out = new byte[32];
    int n = Math.min(b.length, 32);
    System.arraycopy(b, b.length - n, out, 32 - n, n);
    return out;
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
