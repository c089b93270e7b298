using System.Collections.Concurrent;

namespace VssBot.Storage;

/// <summary>
/// Acknowledges committed batches once the log holding them is on disk: one fsync for all
/// the batches committed meanwhile, on a thread of its own, so that the writer goes on
/// with the next batch while the disk syncs this one.
/// </summary>
internal sealed class DiskFlusher : IDisposable
{
    private readonly Action _sync;
    private readonly BlockingCollection<TaskCompletionSource[]> _committed = new();
    private readonly Thread _thread;

    public DiskFlusher(Action sync)
    {
        _sync = sync;
        _thread = new Thread(Run) { IsBackground = true, Name = "vssbot-disk-flush" };
        _thread.Start();
    }

    /// <summary>fsyncs so far (each covering one or more commits).</summary>
    public long Syncs { get; private set; }

    public void Acknowledge(TaskCompletionSource[] batch) => _committed.Add(batch);

    private void Run()
    {
        var waiting = new List<TaskCompletionSource[]>();
        foreach (var first in _committed.GetConsumingEnumerable())
        {
            waiting.Clear();
            waiting.Add(first);
            while (_committed.TryTake(out var more))
            {
                waiting.Add(more);
            }

            Exception? failure = null;
            try
            {
                _sync();
                Syncs++;
            }
            catch (Exception e)
            {
                failure = e; // committed, but not known to be on disk: reported, never run again
            }

            foreach (var done in waiting.SelectMany(b => b))
            {
                if (failure is null)
                {
                    done.TrySetResult();
                }
                else
                {
                    done.TrySetException(failure);
                }
            }
        }
    }

    public void Dispose()
    {
        if (!_committed.IsAddingCompleted)
        {
            _committed.CompleteAdding();
            _thread.Join(TimeSpan.FromSeconds(10));
        }
    }
}
