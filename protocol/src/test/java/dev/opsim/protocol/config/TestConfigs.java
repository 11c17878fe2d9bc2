package dev.opsim.protocol.config;

import dev.opsim.protocol.Address;
import dev.opsim.protocol.DecodeException;
import dev.opsim.protocol.Hash;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;
import org.apache.tuweni.bytes.Bytes32;

/** Rollup configs for tests: a fixed chain with a chosen genesis time, block time and fork table. */
public final class TestConfigs {
  public static final Address BATCHER = Address.fromHex("0x6887246668a3b87f54deb3b94ba47a6f63f32985");
  public static final Address PORTAL = Address.fromHex("0xbeb5fc579115071764c7423a4f12edde41f106ed");

  private TestConfigs() {}

  /**
   * A hand-written rollup.json in op-node's layout, shaped like OP Mainnet's. The values were typed for these tests
   * (the fee words and batcher match the OP Mainnet L1 info vectors in ../shared/fixtures); tests assert what the
   * file says, not that these are the live chain's values. It has fields we do not model (to be ignored).
   */
  public static String opMainnetShapedJson() {
    try (InputStream in = TestConfigs.class.getResourceAsStream("rollup-op-mainnet-shaped.json")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@link #opMainnetShapedJson()} parsed. */
  public static RollupConfig opMainnetShaped() {
    try {
      return RollupConfig.fromJson(opMainnetShapedJson());
    } catch (DecodeException e) {
      throw new IllegalStateException(e);
    }
  }

  public static SystemConfig systemConfig() {
    return new SystemConfig(BATCHER, Bytes32.fromHexStringLenient("0xbc"), Bytes32.fromHexStringLenient("0xa6fe0"),
        30_000_000);
  }

  public static RollupConfig config(long genesisTime, long blockTime, Map<Fork, Long> forks) {
    return new RollupConfig(
        new Genesis(new BlockId(Hash.ofLong(0x11), 100), new BlockId(Hash.ofLong(0x22), 0), genesisTime,
            systemConfig()),
        blockTime, 600, 3600, 300, 900, 901,
        Address.fromHex("0xff00000000000000000000000000000000000901"), PORTAL,
        Address.fromHex("0x229047fed2591dbec1ef1118d64f7af3db9eb290"), forks);
  }

  /** Every fork up to and including {@code last} at time {@code time}, later ones unset. */
  public static Map<Fork, Long> allUpTo(Fork last, long time) {
    Map<Fork, Long> forks = new EnumMap<>(Fork.class);
    for (Fork f : Fork.values()) {
      if (f.ordinal() <= last.ordinal()) {
        forks.put(f, time);
      }
    }
    return forks;
  }
}
