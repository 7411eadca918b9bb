using System;
using System.Reflection;
using System.Text;

namespace Ipenergy.Probe.Benchmarks
{
    /// <summary>
    /// What one object would take on the nanoCLR 1.x managed heap: an approximation from its layout, not a
    /// measurement. nanoCLR builds every object from 12-byte CLR_RT_HeapBlock cells and hands out whole cells:
    /// <list type="bullet">
    /// <item>class instance: one header cell + one cell per instance field, whatever the field's type
    /// (a long, a double, a DateTime and a reference all fit one cell);</item>
    /// <item>struct field or boxed struct: one cell for the field + a separate object (header + one cell per field);</item>
    /// <item>array: CLR_RT_HeapBlock_Array header (a cell + 8 bytes: length, element type and size) + the elements
    /// packed at their size: 1 byte for bool/byte, 2 for char/short, 4 for int/float, 8 for long/double/DateTime/TimeSpan,
    /// and a whole 12-byte cell per element for references and structs (object arrays hold heap blocks);</item>
    /// <item>string: a cell + its UTF-8 bytes + NUL when built at run time; a literal stays in the assembly
    /// (flash) and costs its cell only (on the host: an interned string is taken for a literal);</item>
    /// <item>boxed primitive: header + value = 2 cells; delegate: 3 cells;</item>
    /// <item>every allocation is rounded up to whole cells; static fields: one cell each.</item>
    /// </list>
    /// Left out (not estimable from the host): the runtime's own per-assembly tables, thread objects and their
    /// stack frames, the native network stack's buffers, and anything the board's native drivers keep.
    /// </summary>
    public static class HeapBudgetModel
    {
        /// <summary>sizeof(CLR_RT_HeapBlock) on a 32-bit MCU.</summary>
        public const int Cell = 12;

        /// <summary>sizeof(CLR_RT_HeapBlock_Array): the cell + element count + element type/size/flags.</summary>
        public const int ArrayHeader = 20;

        /// <summary>The assumptions, one line each, for the benchmark's output.</summary>
        public static readonly string[] Assumptions =
        {
            "object = 12-byte header + 12 per instance field (any type); struct field = 12 + a boxed struct (12 + 12 per field)",
            "array = 20-byte header + elements: 1 (bool/byte), 2 (char/short), 4 (int/float), 8 (long/double/DateTime), 12 per reference or struct element",
            "string = 12 + UTF-8 bytes + NUL when built at run time; a literal (interned on the host) = 12, its text stays in flash",
            "boxed primitive = 24, delegate = 36; every allocation rounded up to 12-byte heap blocks; static field = 12",
            "approximations of nanoCLR 1.x's heap from the object layout, not measurements on a device",
        };

        /// <summary>Rounds a byte count up to whole heap blocks.</summary>
        public static long Round(long bytes)
        {
            return (bytes + Cell - 1) / Cell * Cell;
        }

        /// <summary>Estimated bytes of a class instance with this many instance fields.</summary>
        public static long Object(int instanceFields)
        {
            return Cell * (1L + instanceFields);
        }

        /// <summary>Estimated bytes of an array of <paramref name="length"/> elements of <paramref name="elementType"/>
        /// (struct elements: their boxed objects come on top, see <see cref="StructBox"/>).</summary>
        public static long Array(Type elementType, long length)
        {
            return Round(ArrayHeader + length * ElementSize(elementType));
        }

        /// <summary>Estimated bytes of a string built at run time (literal: false) or loaded from the assembly.</summary>
        public static long String(string s, bool literal)
        {
            return literal ? Cell : Round(Cell + Encoding.UTF8.GetByteCount(s) + 1);
        }

        /// <summary>The separate object nanoCLR keeps for a struct value (field, array element or box).</summary>
        public static long StructBox(Type structType)
        {
            return Object(InstanceFields(structType).Length);
        }

        /// <summary>Bytes of one element of an array of <paramref name="t"/> on nanoCLR.</summary>
        public static int ElementSize(Type t)
        {
            if (t == typeof(bool) || t == typeof(byte) || t == typeof(sbyte))
            {
                return 1;
            }

            if (t == typeof(char) || t == typeof(short) || t == typeof(ushort))
            {
                return 2;
            }

            if (t == typeof(int) || t == typeof(uint) || t == typeof(float))
            {
                return 4;
            }

            if (t == typeof(long) || t == typeof(ulong) || t == typeof(double) || t == typeof(DateTime) || t == typeof(TimeSpan))
            {
                return 8;
            }

            if (t.IsEnum)
            {
                return ElementSize(Enum.GetUnderlyingType(t));
            }

            return Cell;
        }

        /// <summary>True for the values nanoCLR keeps inside one heap block (no separate object).</summary>
        public static bool IsInline(Type t)
        {
            return t.IsPrimitive || t.IsEnum || t == typeof(DateTime) || t == typeof(TimeSpan) || t == typeof(decimal);
        }

        /// <summary>Instance fields of a type and its base types (private ones of the bases included).</summary>
        public static FieldInfo[] InstanceFields(Type type)
        {
            var fields = new System.Collections.Generic.List<FieldInfo>();
            for (Type t = type; t != null && t != typeof(object) && t != typeof(ValueType); t = t.BaseType)
            {
                foreach (FieldInfo f in t.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
                {
                    fields.Add(f);
                }
            }

            return fields.ToArray();
        }
    }
}
