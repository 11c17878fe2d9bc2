package dev.opsim.protocol.withdrawal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.opsim.protocol.Hash;
import dev.opsim.protocol.Keccak;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class OutputRootTest {
  @Test
  void everyFixtureOutputRoot() {
    JsonNode roots = WithdrawalVectors.vectors().path("output_roots");
    assertEquals(1, roots.size());
    for (JsonNode v : roots) {
      Hash state = WithdrawalVectors.hash(v.path("stateRoot"));
      Hash storage = WithdrawalVectors.hash(v.path("messagePasserStorageRoot"));
      Hash block = WithdrawalVectors.hash(v.path("blockHash"));
      assertEquals(WithdrawalVectors.hash(v.path("version")), OutputRoot.VERSION_0);
      assertEquals(WithdrawalVectors.bytes(v.path("encoded")), OutputRoot.v0Preimage(state, storage, block));
      assertEquals(WithdrawalVectors.hash(v.path("outputRoot")), OutputRoot.v0(state, storage, block));
    }
  }

  @Property(tries = 200)
  void preimageIsTheFourWordsInOrder(
      @ForAll @Size(32) byte[] state, @ForAll @Size(32) byte[] storage, @ForAll @Size(32) byte[] block) {
    Hash s = Hash.wrap(state);
    Hash m = Hash.wrap(storage);
    Hash b = Hash.wrap(block);
    var preimage = OutputRoot.v0Preimage(s, m, b);
    assertEquals(128, preimage.size());
    assertEquals(Hash.ZERO.bytes(), preimage.slice(0, 32));
    assertEquals(s.bytes(), preimage.slice(32, 32));
    assertEquals(m.bytes(), preimage.slice(64, 32));
    assertEquals(b.bytes(), preimage.slice(96, 32));
    assertEquals(Keccak.hash(preimage), OutputRoot.v0(s, m, b));
  }
}
