using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace Ipenergy.Probe.Tests.CompileGate
{
    /// <summary>
    /// One device application project under firmware/board/&lt;board&gt;/: its .nfproj (a nanoFramework
    /// executable), its packages.config, and the sources it compiles (board/common plus its own folder).
    /// </summary>
    public sealed class BoardProject
    {
        /// <summary>firmware/board/common: device-only code shared by every board, not a project of its own.</summary>
        public const string CommonFolderName = "common";

        /// <summary>The relative path every board project references the firmware library by.</summary>
        public const string FirmwareProjectReference = @"..\..\Ipenergy.Probe.Firmware.nfproj";

        /// <summary>Issue 11: the firmware ships for both boards.</summary>
        public static readonly string[] RequiredBoards = { "esp32", "stm32" };

        private BoardProject(string root, string boardsFolder, string name)
        {
            Root = root;
            BoardsFolder = boardsFolder;
            Name = name;
            Folder = Path.Combine(boardsFolder, name);
            ProjectPaths = Directory.Exists(Folder)
                ? Directory.GetFiles(Folder, "*.nfproj", SearchOption.TopDirectoryOnly).OrderBy(p => p, StringComparer.Ordinal).ToList()
                : new List<string>();
            PackagesConfigPath = Path.Combine(Folder, "packages.config");
        }

        /// <summary>The repository root (or a scratch layout's) that paths are reported against.</summary>
        public string Root { get; }

        public string BoardsFolder { get; }

        /// <summary>The board's folder name (esp32, stm32).</summary>
        public string Name { get; }

        public string Folder { get; }

        /// <summary>Every .nfproj in the board's folder: exactly one is expected.</summary>
        public List<string> ProjectPaths { get; }

        /// <summary>The single .nfproj of the board, or null when there is none or more than one.</summary>
        public string ProjectPath { get { return ProjectPaths.Count == 1 ? ProjectPaths[0] : null; } }

        public string PackagesConfigPath { get; }

        /// <summary>firmware/board/common/**/*.cs and the board folder's **/*.cs (not obj/, bin/).</summary>
        public List<string> Sources { get { return RepoLayout.BoardSources(BoardsFolder, Name); } }

        public string RelativeFolder { get { return RepoLayout.Relative(Root, Folder); } }

        public static BoardProject Of(string root, string name)
        {
            return new BoardProject(root, RepoLayout.BoardFolder(root), name);
        }

        /// <summary>Board folders that hold a .nfproj (common/ is never one).</summary>
        public static List<string> NamesOnDisk(string root)
        {
            string boards = RepoLayout.BoardFolder(root);
            if (!Directory.Exists(boards))
            {
                return new List<string>();
            }

            return Directory.GetDirectories(boards)
                .Where(d => Path.GetFileName(d) != CommonFolderName && Directory.GetFiles(d, "*.nfproj").Length > 0)
                .Select(Path.GetFileName)
                .OrderBy(n => n, StringComparer.Ordinal)
                .ToList();
        }

        /// <summary>The boards the gate checks: those issue 11 requires, whether on disk or not, and any other found.</summary>
        public static List<string> NamesToCheck(string root)
        {
            return RequiredBoards.Union(NamesOnDisk(root), StringComparer.Ordinal).OrderBy(n => n, StringComparer.Ordinal).ToList();
        }
    }
}
