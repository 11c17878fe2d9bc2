package dev.opsim.engine.api;

import dev.opsim.engine.chain.Block;
import dev.opsim.protocol.Hash;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** An {@link EngineBackend} whose answers the test sets, recording every call. */
final class FakeBackend implements EngineBackend {

  record BuildCall(PayloadId id, Hash parent, PayloadAttributes attributes) {}

  final List<Block> imported = new ArrayList<>();
  final List<ForkchoiceState> forkchoiceCalls = new ArrayList<>();
  final List<BuildCall> builds = new ArrayList<>();
  final Map<PayloadId, BuiltPayload> built = new HashMap<>();

  PayloadStatus newPayloadAnswer;
  ForkchoiceOutcome forkchoiceAnswer;
  String refuseBuild;
  /** When set, every started build finishes at once with this block. */
  Block buildResult;

  @Override
  public PayloadStatus newPayload(Block block) {
    imported.add(block);
    return newPayloadAnswer != null ? newPayloadAnswer : PayloadStatus.valid(block.hash());
  }

  @Override
  public ForkchoiceOutcome forkchoiceUpdated(ForkchoiceState state) {
    forkchoiceCalls.add(state);
    return forkchoiceAnswer;
  }

  @Override
  public void startBuild(PayloadId id, Hash parent, PayloadAttributes attributes)
      throws InvalidPayloadAttributesException {
    builds.add(new BuildCall(id, parent, attributes));
    if (refuseBuild != null) {
      throw new InvalidPayloadAttributesException(refuseBuild);
    }
    if (buildResult != null) {
      built.put(id, new BuiltPayload(buildResult, java.math.BigInteger.ONE));
    }
  }

  @Override
  public Optional<BuiltPayload> getPayload(PayloadId id) {
    return Optional.ofNullable(built.get(id));
  }
}
