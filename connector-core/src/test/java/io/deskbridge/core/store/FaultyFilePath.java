package io.deskbridge.core.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.util.concurrent.atomic.AtomicBoolean;
import org.h2.store.fs.FileBase;
import org.h2.store.fs.FilePath;
import org.h2.store.fs.FilePathWrapper;

/**
 * An H2 file system ({@code jdbc:h2:faulty:<path>}) over the real disk whose writes can be made to fail with
 * "No space left on device", as on a full disk, and then succeed again: a store fault a test can switch on
 * and off without filling a real disk. Registered with H2 by {@link #register()}; the switch is global.
 */
public final class FaultyFilePath extends FilePathWrapper {
  private static final AtomicBoolean DISK_FULL = new AtomicBoolean();
  /** While full: true fails only writes that grow a file (as a full disk does), false fails every write. */
  private static final AtomicBoolean ONLY_GROWTH = new AtomicBoolean();
  private static final AtomicBoolean REGISTERED = new AtomicBoolean();

  /** Makes {@code jdbc:h2:faulty:} URLs work; idempotent. */
  public static void register() {
    if (REGISTERED.compareAndSet(false, true)) {
      FilePath.register(new FaultyFilePath());
    }
  }

  /** The H2 file default in {@code dir} ({@link StoreConfig#h2File}), on this file system; registers it. */
  public static StoreConfig store(java.nio.file.Path dir) {
    register();
    var plain = StoreConfig.h2File(dir);
    return new StoreConfig(plain.url().replace("jdbc:h2:file:", "jdbc:h2:faulty:"), plain.username(), null,
        plain.maxPoolSize());
  }

  /** From now on every write, file creation and size change fails, until {@link #diskFreed()}. */
  public static void diskFull() {
    ONLY_GROWTH.set(false);
    DISK_FULL.set(true);
  }

  /**
   * As a real full disk: from now on writes that grow a file and file creation fail, while writes over a
   * file's existing bytes and syncs still work, until {@link #diskFreed()}.
   */
  public static void diskFullForGrowth() {
    ONLY_GROWTH.set(true);
    DISK_FULL.set(true);
  }

  /** Writes work again. */
  public static void diskFreed() {
    DISK_FULL.set(false);
  }

  private static void check() throws IOException {
    if (DISK_FULL.get()) {
      throw new IOException("No space left on device");
    }
  }

  @Override
  public String getScheme() {
    return "faulty";
  }

  @Override
  public FileChannel open(String mode) throws IOException {
    return new FaultyChannel(getBase().open(mode));
  }

  @Override
  public boolean createFile() {
    return !DISK_FULL.get() && super.createFile();
  }

  @Override
  public void createDirectory() {
    if (DISK_FULL.get()) {
      throw new IllegalStateException("No space left on device");
    }
    super.createDirectory();
  }

  /** Delegates to the real channel, failing writes while the disk is "full". */
  private static final class FaultyChannel extends FileBase {
    private final FileChannel base;

    FaultyChannel(FileChannel base) {
      this.base = base;
    }

    @Override
    public int read(ByteBuffer dst) throws IOException {
      return base.read(dst);
    }

    @Override
    public int read(ByteBuffer dst, long position) throws IOException {
      return base.read(dst, position);
    }

    @Override
    public int write(ByteBuffer src) throws IOException {
      checkWrite(base.position(), src.remaining());
      return base.write(src);
    }

    @Override
    public int write(ByteBuffer src, long position) throws IOException {
      checkWrite(position, src.remaining());
      return base.write(src, position);
    }

    private void checkWrite(long position, int length) throws IOException {
      if (!ONLY_GROWTH.get() || position + length > base.size()) {
        check();
      }
    }

    @Override
    public long position() throws IOException {
      return base.position();
    }

    @Override
    public FileChannel position(long newPosition) throws IOException {
      base.position(newPosition);
      return this;
    }

    @Override
    public long size() throws IOException {
      return base.size();
    }

    @Override
    public FileChannel truncate(long size) throws IOException {
      check();
      base.truncate(size);
      return this;
    }

    @Override
    public void force(boolean metaData) throws IOException {
      if (!ONLY_GROWTH.get()) {
        check(); // a disk that is only full still syncs the bytes it already holds
      }
      base.force(metaData);
    }

    @Override
    public FileLock tryLock(long position, long size, boolean shared) throws IOException {
      return base.tryLock(position, size, shared);
    }

    @Override
    protected void implCloseChannel() throws IOException {
      base.close();
    }
  }
}
