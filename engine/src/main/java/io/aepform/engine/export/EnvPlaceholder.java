package io.aepform.engine.export;

import java.util.Objects;

/**
 * A secret export could not write (AEP returns secrets masked): the manifests read it from the
 * environment variable {@code name}, which the user sets before plan or apply.
 *
 * @param name the environment variable, e.g. {@code S3_BASE_CONNECTION_S3SECRETKEY}
 * @param address the resource that uses it, e.g. {@code connection.s3_base_connection}
 * @param pointer where in its spec, e.g. {@code /auth/params/s3SecretKey}
 */
public record EnvPlaceholder(String name, String address, String pointer) {
  public EnvPlaceholder {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(address, "address");
    Objects.requireNonNull(pointer, "pointer");
  }
}
