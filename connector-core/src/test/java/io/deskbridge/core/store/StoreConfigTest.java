package io.deskbridge.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.deskbridge.core.config.Secret;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class StoreConfigTest {

  @Test
  void theFileDefaultIsAnAbsoluteH2UrlInPostgresModeForOneProcess() {
    var config = StoreConfig.h2File(Path.of("data"));
    assertThat(config.url()).startsWith("jdbc:h2:file:" + Path.of("data").toAbsolutePath().toString().replace('\\', '/'))
        .endsWith("/deskbridge;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;LOCK_TIMEOUT=10000"
            + ";AUTO_SERVER=FALSE");
    assertThat(config.maxPoolSize()).isEqualTo(StoreConfig.DEFAULT_POOL_SIZE);
    assertThat(config.password()).isNull();
  }

  @Test
  void h2IsOpenedWithoutItsOwnExitHookAndWithoutATraceFileUnlessTheUrlSaysOtherwise() {
    assertThat(StoreConfig.h2File(Path.of("data")).connectionUrl())
        .endsWith(";AUTO_SERVER=FALSE;DB_CLOSE_ON_EXIT=FALSE;QUERY_CACHE_SIZE=64;TRACE_LEVEL_FILE=0");
    assertThat(new StoreConfig("jdbc:h2:file:/x;MODE=PostgreSQL;trace_level_file=2", "sa", null, 5).connectionUrl())
        .isEqualTo("jdbc:h2:file:/x;MODE=PostgreSQL;trace_level_file=2;DB_CLOSE_ON_EXIT=FALSE;QUERY_CACHE_SIZE=64");
    assertThat(new StoreConfig("jdbc:postgresql://db:5432/deskbridge", null, null, 5).connectionUrl())
        .isEqualTo("jdbc:postgresql://db:5432/deskbridge");
  }

  @Test
  void theMemoryDatabaseLivesUntilTheJvmExits() {
    assertThat(StoreConfig.h2Memory("t1").url()).isEqualTo("jdbc:h2:mem:t1;DB_CLOSE_DELAY=-1;MODE=PostgreSQL"
        + ";DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;LOCK_TIMEOUT=10000");
    assertThatThrownBy(() -> StoreConfig.h2Memory("a;INIT=RUNSCRIPT FROM 'x'"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void onlyPostgresAndH2InPostgresModeAreAccepted() {
    assertThat(new StoreConfig("jdbc:postgresql://db:5432/deskbridge", null, null, 5).username()).isEmpty();
    assertThatThrownBy(() -> new StoreConfig("jdbc:mysql://db/x", "u", null, 5))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("jdbc:postgresql:");
    assertThatThrownBy(() -> new StoreConfig("jdbc:h2:mem:x", "u", null, 5))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("MODE=PostgreSQL");
    assertThatThrownBy(() -> new StoreConfig("jdbc:postgresql://db/x", "u", null, 0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxPoolSize");
    assertThatThrownBy(() -> new StoreConfig(null, "u", null, 5)).isInstanceOf(NullPointerException.class);
  }

  @Test
  void toStringShowsNoPassword() {
    var config = new StoreConfig("jdbc:postgresql://db/x?user=app&password=hunter2&ssl=true", "app",
        Secret.of("s3cret"), 20);
    assertThat(config.toString()).doesNotContain("hunter2").doesNotContain("s3cret")
        .contains("password=****&ssl=true").contains("maxPoolSize=20");
    assertThatThrownBy(() -> new StoreConfig("jdbc:mysql://db/x?password=hunter2", "u", null, 5))
        .hasMessageNotContaining("hunter2");
  }
}
