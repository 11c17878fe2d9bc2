package dev.opsim.devnet.genesis;

import dev.opsim.contracts.AbiEntry;
import dev.opsim.contracts.AbiParameter;
import dev.opsim.protocol.Address;
import dev.opsim.protocol.Keccak;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;

/**
 * Solidity ABI encoding of the argument kinds genesis deployment passes: {@code address}, {@code uintN},
 * {@code intN}, {@code bool}, {@code bytesN}, {@code bytes}, {@code string} and tuples of these. Values are
 * {@link Address}, {@link BigInteger} / {@link Long} / {@link Integer}, {@link Boolean}, {@link Bytes}, {@link String}
 * and {@link List} (a tuple's components in order).
 */
public final class AbiEncoder {
  private AbiEncoder() {}

  /** Selector (first 4 bytes of keccak-256 of the signature) followed by the encoded arguments. */
  public static Bytes call(AbiEntry function, List<?> values) {
    return Bytes.concatenate(selector(function.signature()), encode(function.inputs(), values));
  }

  public static Bytes selector(String signature) {
    return Keccak.hash(Bytes.wrap(signature.getBytes(StandardCharsets.US_ASCII))).bytes().slice(0, 4);
  }

  /** The encoding of {@code values} as the tuple {@code params} (what follows a selector or creation code). */
  public static Bytes encode(List<AbiParameter> params, List<?> values) {
    if (params.size() != values.size()) {
      throw new IllegalArgumentException(params.size() + " parameters but " + values.size() + " values");
    }
    List<Bytes> heads = new ArrayList<>();
    List<Bytes> tails = new ArrayList<>();
    int headSize = 0;
    for (AbiParameter p : params) {
      headSize += isDynamic(p) ? 32 : staticSize(p);
    }
    int tailOffset = headSize;
    for (int i = 0; i < params.size(); i++) {
      AbiParameter p = params.get(i);
      Bytes encoded = encodeOne(p, values.get(i));
      if (isDynamic(p)) {
        heads.add(uint(BigInteger.valueOf(tailOffset)));
        tails.add(encoded);
        tailOffset += encoded.size();
      } else {
        heads.add(encoded);
      }
    }
    List<Bytes> all = new ArrayList<>(heads);
    all.addAll(tails);
    return Bytes.concatenate(all.toArray(Bytes[]::new));
  }

  private static Bytes encodeOne(AbiParameter p, Object value) {
    String type = p.type();
    if (type.endsWith("]")) {
      throw new IllegalArgumentException("arrays are not supported (parameter " + p.name() + " " + type + ")");
    }
    if (type.equals("tuple")) {
      if (!(value instanceof List<?> list)) {
        throw new IllegalArgumentException("tuple " + p.name() + " needs a list of components, got " + value);
      }
      return encode(p.components(), list);
    }
    if (type.equals("address")) {
      if (!(value instanceof Address a)) {
        throw new IllegalArgumentException(p.name() + " is an address, got " + value);
      }
      return a.toWord();
    }
    if (type.equals("bool")) {
      if (!(value instanceof Boolean b)) {
        throw new IllegalArgumentException(p.name() + " is a bool, got " + value);
      }
      return uint(b ? BigInteger.ONE : BigInteger.ZERO);
    }
    if (type.startsWith("uint") || type.startsWith("int")) {
      BigInteger v = integer(p, value);
      int bits = type.startsWith("uint") ? bits(type.substring(4)) : bits(type.substring(3));
      boolean signed = type.startsWith("int");
      if (signed ? v.bitLength() >= bits : v.signum() < 0 || v.bitLength() > bits) {
        throw new IllegalArgumentException(p.name() + " = " + v + " does not fit " + type);
      }
      return signed && v.signum() < 0 ? Bytes32.leftPad(Bytes.wrap(v.toByteArray()), (byte) 0xff) : uint(v);
    }
    if (type.equals("bytes") || type.equals("string")) {
      Bytes data = value instanceof String s && type.equals("string")
          ? Bytes.wrap(s.getBytes(StandardCharsets.UTF_8))
          : value instanceof Bytes b ? b : null;
      if (data == null) {
        throw new IllegalArgumentException(p.name() + " is " + type + ", got " + value);
      }
      int padded = (data.size() + 31) / 32 * 32;
      return Bytes.concatenate(uint(BigInteger.valueOf(data.size())), data, Bytes.wrap(new byte[padded - data.size()]));
    }
    if (type.startsWith("bytes")) {
      int n = Integer.parseInt(type.substring(5));
      if (value instanceof BigInteger v && n == 32 && v.signum() >= 0 && v.bitLength() <= 256) {
        return uint(v);
      }
      if (value instanceof Address a && n == 32) {
        return a.toWord();
      }
      if (!(value instanceof Bytes b) || b.size() != n) {
        throw new IllegalArgumentException(p.name() + " is " + type + ", got " + value);
      }
      return Bytes32.rightPad(b);
    }
    throw new IllegalArgumentException("unsupported ABI type " + type + " (parameter " + p.name() + ")");
  }

  static boolean isDynamic(AbiParameter p) {
    if (p.type().equals("bytes") || p.type().equals("string") || p.type().endsWith("]")) {
      return true;
    }
    return p.type().equals("tuple") && p.components().stream().anyMatch(AbiEncoder::isDynamic);
  }

  private static int staticSize(AbiParameter p) {
    return p.type().equals("tuple") ? p.components().stream().mapToInt(AbiEncoder::staticSize).sum() : 32;
  }

  private static int bits(String suffix) {
    return suffix.isEmpty() ? 256 : Integer.parseInt(suffix);
  }

  private static BigInteger integer(AbiParameter p, Object value) {
    return switch (value) {
      case BigInteger b -> b;
      case Long l -> BigInteger.valueOf(l);
      case Integer i -> BigInteger.valueOf(i);
      case Boolean b -> b ? BigInteger.ONE : BigInteger.ZERO;
      case Bytes b when b.size() <= 32 -> new BigInteger(1, b.toArrayUnsafe());
      default -> throw new IllegalArgumentException(p.name() + " is " + p.type() + ", got " + value);
    };
  }

  private static Bytes uint(BigInteger v) {
    byte[] raw = v.toByteArray();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int skip = raw.length > 32 ? raw.length - 32 : 0;
    out.write(raw, skip, raw.length - skip);
    return Bytes32.leftPad(Bytes.wrap(out.toByteArray()));
  }
}
