package io.compliancestreams.ingest;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Lists the AWS SDK operations that compiled classes can call, by reading the constant pools of
 * the .class files (JVMS §4.4): every {@code Methodref} / {@code InterfaceMethodref} whose owner is
 * a service client {@code software/amazon/awssdk/services/<svc>/<Name>Client} is a call site (or a
 * method reference) in our bytecode. No bytecode library is needed and nothing is guessed from
 * variable names: a call cannot hide from this.
 */
final class SdkOperations {

  private static final Pattern CLIENT = Pattern.compile("software/amazon/awssdk/services/([a-z0-9]+)/[A-Za-z0-9]+Client");
  private static final Set<String> NOT_OPERATIONS = Set.of(
      "close", "serviceName", "create", "builder", "serviceClientConfiguration", "utilities", "waiter");

  private SdkOperations() {}

  /** A service (the SDK package name, e.g. {@code s3control}) and an operation ({@code GetPublicAccessBlock}). */
  record Operation(String service, String name, String calledFrom) implements Comparable<Operation> {
    @Override
    public int compareTo(Operation o) {
      return (service + ":" + name + calledFrom).compareTo(o.service + ":" + o.name + o.calledFrom);
    }

    String id() {
      return service + ":" + name;
    }
  }

  static Set<Operation> in(Path classesDir) {
    Set<Operation> out = new TreeSet<>();
    try (Stream<Path> files = Files.walk(classesDir)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
        String from = classesDir.relativize(file).toString();
        try (InputStream in = Files.newInputStream(file)) {
          for (String[] ref : methodRefs(in)) {
            Matcher m = CLIENT.matcher(ref[0]);
            if (m.matches() && !NOT_OPERATIONS.contains(ref[1])) {
              out.add(new Operation(m.group(1), operation(ref[1]), from));
            }
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  /** {@code listUsersPaginator} → ListUsers, {@code getObjectAsBytes} → GetObject. */
  static String operation(String method) {
    String name = method.replaceFirst("Paginator$", "").replaceFirst("AsBytes$", "");
    return name.substring(0, 1).toUpperCase(Locale.ROOT) + name.substring(1);
  }

  /** {owner class, method name} of every method reference in the constant pool. */
  private static java.util.List<String[]> methodRefs(InputStream stream) throws IOException {
    DataInputStream in = new DataInputStream(stream);
    if (in.readInt() != 0xCAFEBABE) {
      throw new IOException("not a class file");
    }
    in.readUnsignedShort();
    in.readUnsignedShort();
    int count = in.readUnsignedShort();
    String[] utf8 = new String[count];
    int[] classNames = new int[count];
    int[][] refs = new int[count][];
    int[][] nameAndTypes = new int[count][];
    for (int i = 1; i < count; i++) {
      int tag = in.readUnsignedByte();
      switch (tag) {
        case 1 -> utf8[i] = in.readUTF();
        case 7 -> classNames[i] = in.readUnsignedShort();
        case 10, 11 -> refs[i] = new int[] {in.readUnsignedShort(), in.readUnsignedShort()};
        case 12 -> nameAndTypes[i] = new int[] {in.readUnsignedShort(), in.readUnsignedShort()};
        case 8, 16, 19, 20 -> in.readUnsignedShort();
        case 15 -> in.skipBytes(3);
        case 3, 4, 9, 17, 18 -> in.readInt();
        case 5, 6 -> {
          in.readLong();
          i++; // 8-byte constants take two slots
        }
        default -> throw new IOException("unknown constant pool tag " + tag);
      }
    }
    java.util.List<String[]> out = new java.util.ArrayList<>();
    for (int[] ref : refs) {
      if (ref != null) {
        out.add(new String[] {utf8[classNames[ref[0]]], utf8[nameAndTypes[ref[1]][0]]});
      }
    }
    return out;
  }
}
