using System.Text;
using InferenceHost.Api.Grpc.Protocol;

namespace InferenceHost.Api.Grpc;

/// <summary>
/// A <c>map&lt;string, InferParameter&gt;</c> field read in place from its message's bytes, which the parser has
/// checked (<see cref="Validate"/>): lookups scan the entries, the last entry for a key winning as it does in
/// the generated map, so a request without parameters (the usual one) costs nothing.
/// </summary>
/// <param name="message">The bytes of the message that holds the map.</param>
/// <param name="tag">The map field's tag in that message.</param>
internal readonly struct GrpcParameters(ReadOnlyMemory<byte> message, uint tag)
{
    private const uint KeyTag = (1 << 3) | ProtoReader.LengthType;
    private const uint ValueTag = (2 << 3) | ProtoReader.LengthType;
    private const int KeysDecodedOnStack = 256;

    public bool ContainsKey(string name) => TryGetValue(name, out _);

    public bool TryGetValue(string name, out GrpcParameter value)
    {
        var found = false;
        value = default;
        var entries = new Enumerator(message.Span, tag);
        while (entries.MoveNextEntry(out var key, out var entryValue))
        {
            if (KeyEquals(key, name))
            {
                found = true;
                value = Read(entryValue);
            }
        }

        return found;
    }

    /// <summary>The entries in wire order, a repeated key included each time it appears.</summary>
    public Enumerator GetEnumerator() => new(message.Span, tag);

    /// <summary>Checks one map entry's bytes, as the generated parser would read them.</summary>
    /// <param name="entry">A reader of the entry's bytes.</param>
    /// <param name="depth">How many messages enclose the entry's fields, the entry included.</param>
    public static void Validate(ProtoReader entry, int depth)
    {
        while (entry.TryReadTag(out var field))
        {
            switch (field)
            {
                case KeyTag:
                    entry.ReadString();
                    break;
                case ValueTag:
                    ValidateValue(entry.Nested(entry.ReadLengthDelimited()), depth + 1);
                    break;
                default:
                    entry.SkipEntryField(field, depth);
                    break;
            }
        }
    }

    private static void ValidateValue(ProtoReader value, int depth)
    {
        while (value.TryReadTag(out var field))
        {
            if (KindOf(field) == InferParameter.ParameterChoiceOneofCase.None)
            {
                value.SkipField(field, depth);
            }
            else if (ProtoReader.WireType(field) == ProtoReader.LengthType)
            {
                value.ReadString();
            }
            else
            {
                ReadMember(ref value, field);
            }
        }
    }

    /// <summary>An <c>InferParameter</c>'s oneof: the member read last wins, as the generated setters make it.</summary>
    private static GrpcParameter Read(ReadOnlySpan<byte> bytes)
    {
        var value = new ProtoReader(bytes, 0, bytes.Length);
        var kind = InferParameter.ParameterChoiceOneofCase.None;
        ulong bits = 0;
        var text = default(ReadOnlySpan<byte>);
        while (value.TryReadTag(out var field))
        {
            var member = KindOf(field);
            if (member == InferParameter.ParameterChoiceOneofCase.None)
            {
                value.SkipCheckedField(field);
                continue;
            }

            kind = member;
            if (member == InferParameter.ParameterChoiceOneofCase.StringParam)
            {
                text = value.ReadBytes();
            }
            else
            {
                bits = ReadMember(ref value, field);
            }
        }

        return kind == InferParameter.ParameterChoiceOneofCase.StringParam
            ? new GrpcParameter(kind, 0, Encoding.UTF8.GetString(text))
            : new GrpcParameter(kind, bits, null);
    }

    private static InferParameter.ParameterChoiceOneofCase KindOf(uint field) => field switch
    {
        (1 << 3) | ProtoReader.VarintType => InferParameter.ParameterChoiceOneofCase.BoolParam,
        (2 << 3) | ProtoReader.VarintType => InferParameter.ParameterChoiceOneofCase.Int64Param,
        (3 << 3) | ProtoReader.LengthType => InferParameter.ParameterChoiceOneofCase.StringParam,
        (4 << 3) | ProtoReader.Fixed64Type => InferParameter.ParameterChoiceOneofCase.DoubleParam,
        (5 << 3) | ProtoReader.VarintType => InferParameter.ParameterChoiceOneofCase.Uint64Param,
        _ => InferParameter.ParameterChoiceOneofCase.None,
    };

    private static ulong ReadMember(ref ProtoReader value, uint field) => ProtoReader.WireType(field) switch
    {
        ProtoReader.VarintType => value.ReadVarint(),
        ProtoReader.Fixed64Type => value.ReadFixed64(),
        _ => (ulong)value.ReadBytes().Length,
    };

    /// <summary>Compares a key (valid UTF-8, checked by <see cref="Validate"/>) with <paramref name="name"/> without a string.</summary>
    private static bool KeyEquals(ReadOnlySpan<byte> key, string name)
    {
        if (key.Length > KeysDecodedOnStack)
        {
            return string.Equals(Encoding.UTF8.GetString(key), name, StringComparison.Ordinal);
        }

        // UTF-8 never decodes to more UTF-16 chars than it has bytes.
        Span<char> chars = stackalloc char[KeysDecodedOnStack];
        var length = Encoding.UTF8.GetChars(key, chars);
        return chars[..length].SequenceEqual(name);
    }

    /// <summary>Enumerates a map's entries in wire order.</summary>
    public ref struct Enumerator(ReadOnlySpan<byte> message, uint tag)
    {
        private ProtoReader reader = new(message, 0, message.Length);

        public KeyValuePair<string, GrpcParameter> Current { get; private set; }

        public bool MoveNext()
        {
            if (!MoveNextEntry(out var key, out var value))
            {
                return false;
            }

            Current = new(Encoding.UTF8.GetString(key), Read(value));
            return true;
        }

        /// <summary>The next entry's key and value bytes, each the last of its field in the entry (proto3 semantics).</summary>
        internal bool MoveNextEntry(out ReadOnlySpan<byte> key, out ReadOnlySpan<byte> value)
        {
            key = default;
            value = default;
            while (reader.TryReadTag(out var field))
            {
                if (field != tag)
                {
                    reader.SkipCheckedField(field);
                    continue;
                }

                var entry = reader.Nested(reader.ReadLengthDelimited());
                while (entry.TryReadTag(out var entryField))
                {
                    switch (entryField)
                    {
                        case KeyTag:
                            key = entry.ReadBytes();
                            break;
                        case ValueTag:
                            value = entry.ReadBytes();
                            break;
                        default:
                            entry.SkipCheckedField(entryField);
                            break;
                    }
                }

                return true;
            }

            return false;
        }
    }
}
