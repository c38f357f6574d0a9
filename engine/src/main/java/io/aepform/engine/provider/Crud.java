package io.aepform.engine.provider;

import com.fasterxml.jackson.databind.JsonNode;
import io.aepform.engine.kind.Kind;
import io.aepform.engine.kind.Remote;
import io.aepform.engine.provider.http.PlatformClient;
import java.util.List;
import java.util.Optional;

/** Create, read and list of one collection of a service: what a kind's own CRUD calls. */
interface Crud {
  Remote create(PlatformClient client, JsonNode body);

  Optional<Remote> read(PlatformClient client, String id);

  List<Remote> list(PlatformClient client);

  /** A kind whose create, read and list are its service's, unchanged. */
  interface Served extends Kind {
    Crud api();

    @Override
    default Remote create(PlatformClient client, JsonNode body) {
      return api().create(client, body);
    }

    @Override
    default Optional<Remote> read(PlatformClient client, String id) {
      return api().read(client, id);
    }

    @Override
    default List<Remote> list(PlatformClient client) {
      return api().list(client);
    }
  }
}
