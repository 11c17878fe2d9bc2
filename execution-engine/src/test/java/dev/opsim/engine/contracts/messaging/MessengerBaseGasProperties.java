package dev.opsim.engine.contracts.messaging;

import static dev.opsim.engine.contracts.messaging.MessagingWorld.L1_MESSENGER;
import static dev.opsim.engine.contracts.messaging.MessagingWorld.L2_MESSENGER;
import static dev.opsim.engine.contracts.messaging.MessagingWorld.dyn;
import static dev.opsim.engine.contracts.messaging.MessagingWorld.fn;
import static dev.opsim.engine.contracts.messaging.MessagingWorld.u32;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.opsim.protocol.withdrawal.MessengerBaseGas;
import java.math.BigInteger;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.apache.tuweni.bytes.Bytes;

/**
 * The messengers' {@code baseGas} (contracts on our EVM) equals the protocol module's MessengerBaseGas.EIP_7623 for
 * any message length and uint32 gas limit (protocol-reference 9.4), on both sides.
 */
class MessengerBaseGasProperties {
  private final MessagingWorld world = new MessagingWorld();

  @Property(tries = 40)
  void contractAndProtocolModuleAgree(@ForAll @IntRange(min = 0, max = 20_000) int length,
      @ForAll @LongRange(min = 0, max = 0xFFFF_FFFFL) long minGasLimit) {
    Bytes message = Bytes.wrap(new byte[length]);
    BigInteger expected = BigInteger.valueOf(MessengerBaseGas.EIP_7623.baseGas(length, minGasLimit));
    assertEquals(expected, world.uintAt(L1_MESSENGER, fn("baseGas", dyn(message), u32(minGasLimit))));
    assertEquals(expected, world.uintAt(L2_MESSENGER, fn("baseGas", dyn(message), u32(minGasLimit))));
  }
}
