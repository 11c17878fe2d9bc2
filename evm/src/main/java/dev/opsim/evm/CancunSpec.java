package dev.opsim.evm;

/** Cancun on top of Shanghai: EIP-1153, EIP-4844, EIP-5656, EIP-6780, EIP-7516 (EIP-4788 is a system call). */
public class CancunSpec extends ShanghaiSpec {
  public CancunSpec() {
    register(0x49, "BLOBHASH", 1, 1, 3, CancunOps::blobHash);
    register(0x4a, "BLOBBASEFEE", 0, 1, 2, CancunOps::blobBaseFee);
    register(0x5c, "TLOAD", 1, 1, Gas.WARM_ACCESS, CancunOps::tload);
    register(0x5d, "TSTORE", 2, 0, Gas.WARM_ACCESS, CancunOps::tstore);
    register(0x5e, "MCOPY", 3, 0, 3, CancunOps::mcopy);
    register(0xff, "SELFDESTRUCT", 1, 0, Gas.SELFDESTRUCT, CallOps::selfDestruct6780);
  }

  @Override
  public String name() {
    return "Cancun";
  }

  @Override
  public int precompileCount() {
    return 10;
  }

  @Override
  public boolean hasBlobs() {
    return true;
  }
}
