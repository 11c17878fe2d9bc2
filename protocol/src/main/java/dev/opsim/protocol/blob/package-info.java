/** EIP-4844 blobs carrying batcher data: OP blob encoding version 0 (protocol-reference 5.3). */
package dev.opsim.protocol.blob;
