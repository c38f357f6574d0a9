/**
 * The local platform: a strict, in-memory or persisted imitation of the AEP HTTP API (IMS, Flow
 * Service, Schema Registry, Catalog, Identity Service, Data Prep, Profile) on the JDK's HTTP
 * server.
 *
 * <p>Entry points: {@link io.aepform.emulator.Emulator#start(EmulatorOptions)} with {@link
 * io.aepform.emulator.EmulatorOptions#localDefaults()}, {@link
 * io.aepform.emulator.EmulatorOptions#builder()} or {@link
 * io.aepform.emulator.EmulatorOptions#parse(String[])}. Sub-packages hold one AEP service each
 * ({@code flowservice}, {@code schemaregistry}, {@code catalog}, {@code identity}, {@code
 * dataprep}, {@code profile}), the gateway and IMS ({@code gateway}), fault injection ({@code
 * faults}), storage ({@code store}) and the HTTP plumbing shared by the services ({@code http}).
 * Nothing here is shared with aepform's provider: the emulator is the other side of the wire. See
 * {@code docs/local-platform.md}.
 */
package io.aepform.emulator;
